// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { manualCall } from '../../../src/calls/manual-call';
import { recordManualCall } from '../../../src/db/calls';
import type { ReboundDb } from '../../../src/db/schema';
import { HistoryView } from '../../../src/options/sections/history/HistorySection';
import { WindowedList } from '../../../src/options/sections/history/WindowedList';
import { NOW, openFixtureDb } from '../db/history-fixture';
import fakeBrowser, { clearedReminders, sentMessages } from '../fakes/fake-browser';

let db: ReboundDb;

beforeEach(async () => {
  db = await openFixtureDb('history-view');
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

describe('WindowedList', () => {
  it('draws only the rows in view, and moves the window on scroll', () => {
    const onRange = vi.fn();
    const { container } = render(
      <WindowedList
        count={100_000}
        rowHeight={50}
        height={500}
        label="Rows"
        overscan={5}
        onRange={onRange}
        renderRow={(index) => `row ${index}`}
      />,
    );
    const items = () => screen.getAllByRole('listitem');
    expect(items()).toHaveLength(15);
    expect(items()[0]?.textContent).toBe('row 0');
    expect(items()[0]?.getAttribute('aria-setsize')).toBe('100000');
    expect(onRange).toHaveBeenLastCalledWith(0, 15);

    const box = container.querySelector('.windowed-list') as HTMLElement;
    box.scrollTop = 60_000 * 50;
    fireEvent.scroll(box);
    expect(items()).toHaveLength(20);
    expect(items()[0]?.textContent).toBe('row 59995');
    expect(items()[0]?.getAttribute('aria-posinset')).toBe('59996');
    expect(onRange).toHaveBeenLastCalledWith(59_995, 60_015);

    box.scrollTop = 99_999 * 50;
    fireEvent.scroll(box);
    expect(items().at(-1)?.textContent).toBe('row 99999');
    expect(items().length).toBeLessThanOrEqual(20);
  });
});

describe('HistoryView', () => {
  it('lists calls with their reset and lesson, and filters by rating', async () => {
    render(<HistoryView db={db} now={() => NOW} />);
    await screen.findByText('Matching calls: 9');
    const list = screen.getByRole('list', { name: 'Calls, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(9));
    const third = within(list).getAllByRole('button')[2] as HTMLElement;
    expect(third.textContent).toContain('Tough');
    expect(third.textContent).toContain('Reset done');
    expect(third.textContent).toContain('Ask about budget earlier');

    fireEvent.change(screen.getByLabelText('Rating'), { target: { value: 'unrated' } });
    await screen.findByText('Matching calls: 1');
    fireEvent.change(screen.getByLabelText('Rating'), { target: { value: 'tough' } });
    await screen.findByText('Matching calls: 6');
    fireEvent.change(screen.getByLabelText('Dialer'), { target: { value: 'aircall' } });
    await screen.findByText('Matching calls: 1');
  });

  it('opens a call with its reset and follow-up, edits the rating and deletes the call', async () => {
    render(<HistoryView db={db} now={() => NOW} />);
    const list = await screen.findByRole('list', { name: 'Calls, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(9));
    fireEvent.click(within(list).getAllByRole('button')[2] as HTMLElement);
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('Next time: Ask about budget earlier');
    within(dialog).getByText('What it was about: Budget cut');
    within(dialog).getByText(/Priya at Northwind/);

    fireEvent.change(within(dialog).getByLabelText('Rating'), { target: { value: 'fine' } });
    await waitFor(async () => expect((await db.calls.get(3))?.rating).toBe('fine'));

    const [followUpId] = await db.followUps.where('callId').equals(3).primaryKeys();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete this call' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, delete it' }));
    await screen.findByText('Matching calls: 8');
    expect(await db.calls.get(3)).toBeUndefined();
    expect(sentMessages).toEqual([{ type: 'history-changed' }, { type: 'history-changed' }]);
    await waitFor(() =>
      expect(clearedReminders).toEqual([`alarm:follow-up:${followUpId}`, `notification:follow-up:${followUpId}`]),
    );
  });

  it('reads again when the background says the history changed (a call landed while it was open)', async () => {
    render(<HistoryView db={db} now={() => NOW} />);
    await screen.findByText('Matching calls: 9');
    await db.calls.add({
      callKey: 'hubspot:landed',
      source: 'hubspot',
      host: 'app.hubspot.com',
      endedAt: NOW,
      outcome: 'completed',
      endReason: 'browser-closed',
      approximate: true,
      durationMs: 65_000,
      tags: [],
    } as never);
    expect(screen.queryByText('Matching calls: 10')).toBeNull();
    fakeBrowser.storage.onChanged.emit({ historyChanged: { newValue: NOW } }, 'session');
    await screen.findByText('Matching calls: 10');
    await screen.findByText('about 1:05');
  });
});

describe('a rough run in the history', () => {
  it('shows the stay-calm card and the support answer with the call, and finds the call by those words', async () => {
    await db.resets.add({
      kind: 'rough-run',
      callId: 4,
      startedAt: NOW - 600_000,
      completedAt: NOW - 60_000,
      steps: ['breathe-5', 'stay-calm', 'support'],
      stayCalm: { acknowledge: 'The wait was too long', propose: 'A firm date by Friday' },
      support: { answer: 'not-now', note: 'It was the delay, not me.' },
    } as never);
    render(<HistoryView db={db} now={() => NOW} />);
    const list = await screen.findByRole('list', { name: 'Calls, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(9));
    fireEvent.input(screen.getByLabelText(/Search/), { target: { value: 'firm date' } });
    await screen.findByText('Matching calls: 1');
    const found = screen.getByRole('list', { name: 'Calls, newest first' });
    fireEvent.click((await within(found).findAllByRole('button'))[0] as HTMLElement);
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('Next tough moment: The wait was too long · A firm date by Friday');
    within(dialog).getByText('Reaching out: not now');
    within(dialog).getByText('To yourself: It was the delay, not me.');
  });
});

describe('calls logged by hand in History', () => {
  it('list with their origin, filter as "Logged by hand", and open with their site', async () => {
    await recordManualCall(db, manualCall({ device: 'desk', durationMs: 15 * 60_000 }, NOW, 'a'));
    await recordManualCall(db, manualCall({ missed: true, host: 'crm.acme.example' }, NOW + 1000, 'b'));
    render(<HistoryView db={db} now={() => NOW + 2000} />);
    await screen.findByText('Matching calls: 11');
    const dialer = screen.getByLabelText('Dialer') as HTMLSelectElement;
    await waitFor(() => expect([...dialer.options].map((option) => option.text)).toContain('Logged by hand'));
    fireEvent.change(dialer, { target: { value: 'manual' } });
    await screen.findByText('Matching calls: 2');
    const list = screen.getByRole('list', { name: 'Calls, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(2));
    const [missed, desk] = within(list).getAllByRole('button') as HTMLElement[];
    expect(missed?.textContent).toContain('Logged by hand · Rebound missed it');
    expect(desk?.textContent).toContain('Logged by hand · Desk phone');
    expect(desk?.textContent).toContain('15:00');
    fireEvent.click(missed as HTMLElement);
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(/Logged by hand · Rebound missed it\s*\(crm\.acme\.example\)/);
  });
});

describe('WindowedList keyboard', () => {
  it('arrow keys, Page Down and End move focus row by row, drawing the rows they reach', () => {
    render(
      <WindowedList
        count={10_000}
        rowHeight={50}
        height={500}
        label="Rows"
        overscan={2}
        onRange={() => undefined}
        renderRow={(index) => <button type="button">row {index}</button>}
      />,
    );
    const focused = () => document.activeElement?.textContent;
    (screen.getByRole('button', { name: 'row 0' }) as HTMLElement).focus();
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(focused()).toBe('row 1');
    fireEvent.keyDown(document.activeElement as Element, { key: 'PageDown' });
    expect(focused()).toBe('row 10');
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(focused()).toBe('row 9999');
    expect(screen.getAllByRole('listitem').length).toBeLessThanOrEqual(14);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(focused()).toBe('row 9998');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    expect(focused()).toBe('row 0');
  });
});
