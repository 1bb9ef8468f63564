// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ReboundDb } from '../../../src/db/schema';
import { InsightsView } from '../../../src/options/sections/insights/InsightsSection';
import { NOW, openFixtureDb, utcClock } from '../db/history-fixture';

let db: ReboundDb;

beforeEach(async () => {
  db = await openFixtureDb('insights-view');
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

const figure = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

it('shows the 7-day figures, charts with table alternatives, lessons and the debrief', async () => {
  render(<InsightsView db={db} now={() => NOW} clock={utcClock} />);
  await screen.findByText('Calls', { selector: 'dt' });
  expect(figure('Calls')).toBe('8');
  expect(figure('Rated tough')).toBe('5 (63%)');
  expect(figure('Resets after tough calls')).toBe('4 of 5');
  expect(figure('Median time to reset')).toBe('3:00');
  expect(figure('Mood change over resets')).toBe('+1.3 (n = 4)');
  expect(figure('Longest streak of resets after tough calls')).toBe('4');

  const byHour = screen.getByRole('table', { name: 'Tough calls by hour of day' });
  expect(within(byHour).getByRole('rowheader', { name: '09' }).nextElementSibling?.textContent).toBe('2');
  const byWeekday = screen.getByRole('table', { name: 'Tough calls by weekday' });
  expect(within(byWeekday).getAllByRole('row')).toHaveLength(8);
  expect(document.querySelector('figure svg')?.getAttribute('aria-hidden')).toBe('true');

  screen.getByText('Next time: Ask about budget earlier');
  const debrief = screen.getByRole('article', { name: 'Your day' });
  within(debrief).getByText('Calls today: 5, tough: 3.');
  within(debrief).getByText('Resets after the tough ones: 2 of 3.');
  within(debrief).getByText(/Priya at Northwind/);
  expect(within(debrief).queryByText(/Dana at Contoso/)).not.toBeNull();
});

it('switches period', async () => {
  render(<InsightsView db={db} now={() => NOW} clock={utcClock} />);
  await screen.findByText('Calls', { selector: 'dt' });
  fireEvent.click(screen.getByRole('button', { name: 'All' }));
  await screen.findByText('Next time: Ask about budget earlier');
  await screen.findByText('Went well: Old lesson');
  expect(figure('Calls')).toBe('9');
  expect(screen.getByRole('button', { name: 'All' }).getAttribute('aria-pressed')).toBe('true');
});
