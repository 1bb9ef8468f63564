// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { historyFirstScreen } from '../../../src/db/history';
import type { ReboundDb } from '../../../src/db/schema';
import { HistoryView } from '../../../src/options/sections/history/HistorySection';
import { NOW, openFixtureDb } from '../db/history-fixture';
import '../fakes/fake-browser';

/** The history reads asked for, in order: the first screen, every id, the dialer list. */
const reads: string[] = [];

vi.mock('../../../src/db/history', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/db/history')>();
  return {
    ...actual,
    historyFirstScreen: vi.fn((...args: Parameters<typeof actual.historyFirstScreen>) => {
      reads.push('first screen');
      return actual.historyFirstScreen(...args);
    }),
    historyCallIds: vi.fn((...args: Parameters<typeof actual.historyCallIds>) => {
      reads.push('every id');
      return actual.historyCallIds(...args);
    }),
    dialersInHistory: vi.fn((...args: Parameters<typeof actual.dialersInHistory>) => {
      reads.push('dialers');
      return actual.dialersInHistory(...args);
    }),
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

beforeEach(async () => {
  db = await openFixtureDb('history-first-rows');
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  reads.length = 0;
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
    expect(reads).toEqual(['first screen']);
    expect(screen.getByRole('status').textContent).toBe('');

    drawFrame();
    await screen.findByText('Matching calls: 9');
    expect(reads.filter((read) => read !== 'dialers')).toEqual(['first screen', 'every id']);
  });

  it('reads the dialer list only once the first rows are in', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const actual = await vi.importActual<typeof import('../../../src/db/history')>('../../../src/db/history');
    vi.mocked(historyFirstScreen).mockImplementationOnce(async (...args) => {
      reads.push('first screen');
      await held;
      return actual.historyFirstScreen(...args);
    });
    render(<HistoryView db={db} now={() => NOW} />);
    await waitFor(() => expect(reads).toEqual(['first screen']));
    drawFrame();
    expect(reads).toEqual(['first screen']);

    release();
    await firstRows();
    drawFrame();
    await waitFor(() => expect(reads).toContain('dialers'));
    await screen.findByRole('option', { name: 'Aircall' });
  });
});
