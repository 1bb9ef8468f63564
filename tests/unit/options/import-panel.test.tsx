// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { generateHistory } from '../../../scripts/seed-history';
import { openReboundDb, type ReboundDb } from '../../../src/db/schema';
import { ImportPanel } from '../../../src/options/sections/your-data/ImportPanel';
import { loadSettings } from '../../../src/settings/settings-store';
import { NOW } from '../db/history-fixture';
import { storedCalls } from '../db/stored-history';

let db: ReboundDb;

beforeEach(() => {
  db = openReboundDb(`import-panel-${Math.random()}`);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

function choose(name: string, content: string) {
  const input = screen.getByLabelText('Choose a JSON export') as HTMLInputElement;
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

it('previews, then applies an import, with the file’s settings when asked (invalid fields fall back)', async () => {
  const history = generateHistory({ calls: 30, endAt: NOW });
  history.settings = { breathSeconds: 30, toastSeconds: 'forever' };
  render(<ImportPanel db={db} />);
  choose('mine.json', JSON.stringify(history));
  await screen.findByText('Calls: 30 new, 0 already here (kept as they are)');
  expect((await storedCalls(db)).length).toBe(0);
  fireEvent.click(screen.getByLabelText('Also use the settings from the file'));
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
  await screen.findByText(/^Imported. Calls: 30,/);
  expect((await storedCalls(db)).length).toBe(30);
  expect(await loadSettings()).toMatchObject({ breathSeconds: 30, toastSeconds: 30 });
});

it('cancel leaves the database as it was', async () => {
  render(<ImportPanel db={db} />);
  choose('mine.json', JSON.stringify(generateHistory({ calls: 5, endAt: NOW })));
  await screen.findByText('Calls: 5 new, 0 already here (kept as they are)');
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  expect((await storedCalls(db)).length).toBe(0);
});

it('rejects a bad file with what and where, and writes nothing', async () => {
  render(<ImportPanel db={db} />);
  choose('old.json', JSON.stringify({ format: 'rebound-export', version: 0 }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain("old.json can't be imported. Nothing was changed.");
  expect(alert.textContent).toContain("Export version 0 isn't one this Rebound can read.");
  choose('notes.txt', 'hello');
  await screen.findByText(/The file isn't JSON/);
  expect((await storedCalls(db)).length).toBe(0);
});
