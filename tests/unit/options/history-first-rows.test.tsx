// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dialersInHistory, historyCallIds } from '../../../src/db/history';
import type { ReboundDb } from '../../../src/db/schema';
import { HistoryView } from '../../../src/options/sections/history/HistorySection';
import { NOW, openFixtureDb } from '../db/history-fixture';
import '../fakes/fake-browser';

vi.mock('../../../src/db/history', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/db/history')>();
  return {
    ...actual,
    historyCallIds: vi.fn(actual.historyCallIds),
    dialersInHistory: vi.fn(actual.dialersInHistory),
  };
});

let db: ReboundDb;
/** Animation frames asked for and not yet run: the test says when a frame is drawn. */
let frames: FrameRequestCallback[];

const drawFrame = () => {
  for (const callback of frames.splice(0)) callback(performance.now());
};
const firstRows = async () => {
  const list = await screen.findByRole('list', { name: 'Calls, newest first' });
  await waitFor(() => expect(within(list).getAllByRole('button').length).toBeGreaterThan(0));
};
/** The ids asked for so far, by whether only the first screen's were (a limit) or every id. */
const idReads = () =>
  vi.mocked(historyCallIds).mock.calls.map(([, , limit]) => (limit === undefined ? 'every' : 'first'));

beforeEach(async () => {
  db = await openFixtureDb('history-first-rows');
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.mocked(historyCallIds).mockClear();
  vi.mocked(dialersInHistory).mockClear();
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await db.delete();
});

describe('History: the first rows before anything else', () => {
  it('asks for every id only once a frame with the first rows in has been drawn', async () => {
    render(<HistoryView db={db} now={() => NOW} />);
    await firstRows();
    // Taking every imported call out of its pack holds the page's thread: not before that frame.
    expect(idReads()).toEqual(['first']);
    expect(screen.getByRole('status').textContent).toBe('');

    drawFrame();
    await screen.findByText('Matching calls: 9');
    expect(idReads()).toEqual(['first', 'every']);
  });

  it('reads the dialer list only once the first rows are in', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const actual = await vi.importActual<typeof import('../../../src/db/history')>('../../../src/db/history');
    vi.mocked(historyCallIds).mockImplementationOnce(async (...args) => {
      await held;
      return actual.historyCallIds(...args);
    });
    render(<HistoryView db={db} now={() => NOW} />);
    await waitFor(() => expect(idReads()).toEqual(['first']));
    drawFrame();
    expect(dialersInHistory).not.toHaveBeenCalled();

    release();
    await firstRows();
    drawFrame();
    await waitFor(() => expect(dialersInHistory).toHaveBeenCalledTimes(1));
    await screen.findByRole('option', { name: 'Aircall' });
  });
});
