// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EndedCall } from '../../src/calls/call';
import { rateCall, recordEndedCall } from '../../src/db/calls';
import { homeReader } from '../../src/db/home-reader';
import { recordReset } from '../../src/db/resets';
import { openReboundDb, type ReboundDb } from '../../src/db/schema';
import type { WriteFailure } from '../../src/db/write-failure';
import type { SessionSlot } from '../../src/platform/session-store';
import { App } from '../../src/popup/App';
import type { PendingRoutine } from '../../src/routine/pending-routine';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';

const NOW = 1_715_680_800_000;
const SAVE_ERROR = /Rebound couldn't save this reset/;

function memorySlot<T>(initial?: T): SessionSlot<T> & { value: T | undefined } {
  const slot = {
    value: initial,
    async read() {
      return slot.value;
    },
    async write(next: T) {
      slot.value = next;
    },
    async clear() {
      slot.value = undefined;
    },
  };
  return slot;
}

const endedCall = (overrides: Partial<EndedCall> = {}): EndedCall => ({
  callKey: 'hubspot:abc',
  tabId: 3,
  host: 'app.hubspot.com',
  source: 'hubspot',
  direction: 'outbound',
  startedAt: NOW - 300_000,
  endedAt: NOW - 55_000,
  durationMs: 245_000,
  outcome: 'completed',
  endReason: 'hang-up',
  ...overrides,
});

let db: ReboundDb;

beforeEach(() => {
  db = openReboundDb(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

function renderApp(
  options: {
    pending?: PendingRoutine;
    settings?: Settings;
    close?: () => void;
    failure?: WriteFailure;
    afterRetry?: WriteFailure;
  } = {},
) {
  const pendingRoutine = memorySlot(options.pending);
  const writeFailure = memorySlot(options.failure);
  const notifyHistoryChanged = vi.fn(async () => {
    writeFailure.value = options.afterRetry;
    return { ok: true };
  });
  const openOptions = vi.fn();
  const settings = options.settings ?? { ...DEFAULT_SETTINGS, breathSeconds: 5 };
  const view = render(
    <App
      openDb={async () => db}
      reader={homeReader(() => db.open(), db.name)}
      pendingRoutine={pendingRoutine}
      writeFailure={writeFailure}
      pendingFollowUp={memorySlot()}
      routineDraft={memorySlot()}
      loadSettings={async () => settings}
      saveWhyISell={async () => undefined}
      liveCallSources={async () => []}
      watchLiveCalls={() => () => undefined}
      followUps={{
        schedule: async () => undefined,
        done: async () => undefined,
        snooze: async () => undefined,
        downloadIcs: () => undefined,
      }}
      notifyHistoryChanged={notifyHistoryChanged}
      openOptions={openOptions}
      activeTabHost={async () => undefined}
      uniqueId={() => 'unique'}
      close={options.close}
      now={() => NOW}
    />,
  );
  return { ...view, pendingRoutine, notifyHistoryChanged, openOptions };
}

/** Breathing uses setInterval and performance.now; Dexie keeps its real timers. */
const fakeBreathClock = () => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });

const homeShown = () => screen.findByRole('button', { name: 'Quick reset' });

/** Skips the after-call routine's middle steps (throw it away, reframe, lesson, follow-up). */
async function skipToReady(): Promise<void> {
  for (const title of ['Throw it away', 'What was it really about?', 'One thing to keep', 'Anything to follow up?']) {
    await stepShown(title);
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
  }
  await stepShown('Ready for the next one');
}

/** The step's heading takes focus in an effect; once it has, the routine's Escape listener is there too. */
async function stepShown(title: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: title });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  return heading;
}

describe('Home', () => {
  it('shows the empty state and Quick reset with an empty database', async () => {
    renderApp();
    expect(await homeShown()).toBeTruthy();
    expect(
      await screen.findByText("No calls yet. When a call ends in a dialer you've turned on, it shows up here."),
    ).toBeTruthy();
    expect(screen.getByText('Five seconds of breathing. Any time.')).toBeTruthy();
    expect(screen.queryByTestId('last-call')).toBeNull();
  });

  it('shows the last call: dialer, length, not rated yet, and a reset button', async () => {
    await recordEndedCall(db, endedCall({ callKey: 'hubspot:older', endedAt: NOW - 3_600_000, durationMs: 1_000 }));
    await recordEndedCall(db, endedCall());
    renderApp();
    const card = await screen.findByTestId('last-call');
    expect(card.textContent).toContain('Your last call');
    expect(card.textContent).toContain('HubSpot calling · 4:05');
    expect(card.textContent).toContain('Ended at');
    expect(card.textContent).toContain('Not rated yet');
    expect(screen.getByRole('button', { name: 'Reset after this call' })).toBeTruthy();
    expect(screen.queryByText(/No calls yet/)).toBeNull();
  });

  it('says "length unknown" for a call whose start was not seen', async () => {
    await recordEndedCall(db, endedCall({ startedAt: undefined, durationMs: undefined }));
    renderApp();
    expect((await screen.findByTestId('last-call')).textContent).toContain('HubSpot calling · length unknown');
  });

  it('shows the rating the rep gave', async () => {
    await recordEndedCall(db, endedCall());
    await rateCall(db, 'hubspot:abc', 'tough', NOW);
    renderApp();
    expect(await screen.findByText('You rated it: Tough')).toBeTruthy();
    expect(screen.queryByText('Not rated yet')).toBeNull();
  });

  it('shows "Reset done" instead of the reset button once a reset followed the call', async () => {
    const call = await recordEndedCall(db, endedCall());
    await recordReset(db, { kind: 'after-call', callId: call.id, startedAt: NOW, completedAt: NOW, steps: [] });
    renderApp();
    expect(await screen.findByText(/Reset done/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reset after this call' })).toBeNull();
  });

  it('does not count a reset that followed another call', async () => {
    const older = await recordEndedCall(db, endedCall({ callKey: 'hubspot:older', endedAt: NOW - 3_600_000 }));
    await recordEndedCall(db, endedCall());
    await recordReset(db, { kind: 'after-call', callId: older.id, startedAt: NOW, completedAt: NOW, steps: [] });
    renderApp();
    expect(await screen.findByRole('button', { name: 'Reset after this call' })).toBeTruthy();
    expect(screen.queryByText(/Reset done/)).toBeNull();
  });

  it('opens the options page from the Settings link', async () => {
    const { openOptions } = renderApp();
    await homeShown();
    expect(openOptions).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it('shows a load error when the history cannot be read', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new Error('database is gone');
    });
    renderApp();
    expect((await screen.findByRole('alert')).textContent).toBe("Rebound couldn't read your history: database is gone");
    expect(screen.getByRole('button', { name: 'Quick reset' })).toBeTruthy();
  });
});

describe('Quick reset', () => {
  it('runs the breath, writes a quick reset with the breathe-5 step and returns home', async () => {
    const { notifyHistoryChanged } = renderApp();
    const quick = await homeShown();
    fakeBreathClock();
    fireEvent.click(quick);
    await stepShown('Breathe');
    expect(screen.getByText('Step 1 of 1')).toBeTruthy();
    expect(screen.getByTestId('breath-count').textContent).toBe('5');
    expect(screen.getByText('Breathe in')).toBeTruthy();
    expect(screen.getByRole('timer').textContent).toBe('5 seconds left');

    await act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(screen.getByTestId('breath-count').textContent).toBe('2');
    expect(screen.getByText('Breathe out')).toBeTruthy();
    expect(await db.resets.count()).toBe(0);

    await act(() => {
      vi.advanceTimersByTime(2_000);
    });
    vi.useRealTimers();
    await homeShown();
    const resets = await db.resets.toArray();
    expect(resets).toEqual([
      { id: expect.any(Number), kind: 'quick', startedAt: NOW, completedAt: NOW, steps: ['breathe-5'] },
    ]);
    expect(resets[0]?.callId).toBeUndefined();
    expect(notifyHistoryChanged).toHaveBeenCalledTimes(1);
  });

  it('breathes for the length the settings give', async () => {
    renderApp({ settings: { ...DEFAULT_SETTINGS, breathSeconds: 30 } });
    const quick = await homeShown();
    fakeBreathClock();
    fireEvent.click(quick);
    await stepShown('Breathe');
    expect(screen.getByTestId('breath-count').textContent).toBe('30');
    await act(() => {
      vi.advanceTimersByTime(29_000);
    });
    expect(screen.getByTestId('breath-count').textContent).toBe('1');
    expect(await db.resets.count()).toBe(0);
    await act(() => {
      vi.advanceTimersByTime(1_000);
    });
    vi.useRealTimers();
    await homeShown();
    expect(await db.resets.count()).toBe(1);
  });

  it('Skip records the reset with no step done', async () => {
    renderApp();
    fireEvent.click(await homeShown());
    await stepShown('Breathe');
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    await homeShown();
    await waitFor(async () => expect(await db.resets.count()).toBe(1));
    expect((await db.resets.toArray())[0]).toMatchObject({ kind: 'quick', steps: [] });
  });

  it('Escape leaves without recording anything', async () => {
    renderApp();
    fireEvent.click(await homeShown());
    await stepShown('Breathe');
    fireEvent.keyDown(window, { key: 'Escape' });
    await homeShown();
    expect(await db.resets.count()).toBe(0);
  });

  it('Leave leaves without recording anything', async () => {
    renderApp();
    fireEvent.click(await homeShown());
    await stepShown('Breathe');
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await homeShown();
    expect(await db.resets.count()).toBe(0);
  });

  it('shows the save error and keeps the rep on the step when the write fails', async () => {
    vi.spyOn(db.resets, 'add').mockRejectedValue(new Error('disk full'));
    const { notifyHistoryChanged } = renderApp();
    fireEvent.click(await homeShown());
    await stepShown('Breathe');
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe("Rebound couldn't save this reset: disk full. Try once more.");
    expect(screen.getByRole('heading', { name: 'Breathe' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Quick reset' })).toBeNull();
    expect(notifyHistoryChanged).not.toHaveBeenCalled();
  });

  it('shows the save error when the database is closed', async () => {
    renderApp();
    fireEvent.click(await homeShown());
    await stepShown('Breathe');
    db.close();
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(SAVE_ERROR);
    expect(screen.getByRole('heading', { name: 'Breathe' })).toBeTruthy();
  });
});

describe('after-call routine', () => {
  const pending = (requestedAt: number): Extract<PendingRoutine, { kind: 'after-call' }> => ({
    kind: 'after-call',
    callKey: 'hubspot:abc',
    requestedAt,
  });

  it('opens straight from a fresh pending routine, for that call, and clears it', async () => {
    await recordEndedCall(db, endedCall());
    const { pendingRoutine, container } = renderApp({ pending: pending(NOW - 60_000) });
    await stepShown('How did that one go?');
    expect(container.querySelector('[data-routine]')?.getAttribute('data-routine')).toBe('after-call');
    expect(screen.getByText('Step 1 of 7')).toBeTruthy();
    expect(pendingRoutine.value).toBeUndefined();
    expect(screen.queryByRole('button', { name: 'Quick reset' })).toBeNull();
  });

  it('still honours a pending routine exactly 10 minutes old', async () => {
    await recordEndedCall(db, endedCall());
    renderApp({ pending: pending(NOW - 10 * 60_000) });
    expect(await screen.findByRole('heading', { name: 'How did that one go?' })).toBeTruthy();
  });

  it('ignores a stale pending routine (older than 10 minutes) and clears it', async () => {
    await recordEndedCall(db, endedCall());
    const { pendingRoutine } = renderApp({ pending: pending(NOW - 10 * 60_000 - 1) });
    await homeShown();
    expect(screen.queryByRole('heading', { name: 'How did that one go?' })).toBeNull();
    expect(pendingRoutine.value).toBeUndefined();
  });

  it('goes home when the pending routine names a call that is not stored', async () => {
    const { pendingRoutine } = renderApp({ pending: { ...pending(NOW), callKey: 'hubspot:missing' } });
    await homeShown();
    expect(pendingRoutine.value).toBeUndefined();
  });

  it('starts an unrated call with the rating step and writes the chosen rating to the call', async () => {
    await recordEndedCall(db, endedCall());
    renderApp({ pending: pending(NOW) });
    await stepShown('How did that one go?');
    fireEvent.click(screen.getByRole('button', { name: 'Tough' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await stepShown('Breathe');
    expect(screen.getByText('Step 2 of 7')).toBeTruthy();
    const call = await db.calls.where('callKey').equals('hubspot:abc').first();
    expect(call).toMatchObject({ rating: 'tough', ratedAt: NOW });
  });

  it('skips the rating step for a call already rated', async () => {
    await recordEndedCall(db, endedCall());
    await rateCall(db, 'hubspot:abc', 'fine', NOW);
    renderApp({ pending: pending(NOW) });
    await stepShown('Breathe');
    expect(screen.getByText('Step 1 of 6')).toBeTruthy();
  });

  it('records the steps done, in order, against the call', async () => {
    const call = await recordEndedCall(db, endedCall());
    const { notifyHistoryChanged } = renderApp({ pending: pending(NOW) });
    await stepShown('How did that one go?');
    fireEvent.click(screen.getByRole('button', { name: 'So-so' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await stepShown('Breathe');
    // The rating changes the badge's count: the background hears of it before the reset is saved.
    expect(notifyHistoryChanged).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    await skipToReady();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await homeShown();
    await waitFor(() => expect(notifyHistoryChanged).toHaveBeenCalledTimes(2));
    expect(await db.resets.toArray()).toEqual([
      {
        id: expect.any(Number),
        kind: 'after-call',
        callId: call.id,
        startedAt: NOW,
        completedAt: NOW,
        steps: ['rate', 'positive', 'belief'],
      },
    ]);
    expect(await screen.findByText(/Reset done/)).toBeTruthy();
  });

  it('starts from the last call card on Home, for that call', async () => {
    await recordEndedCall(db, endedCall());
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Reset after this call' }));
    await stepShown('How did that one go?');
    expect(screen.getByText('Step 1 of 7')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fine' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await stepShown('Breathe');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(await screen.findByText('You rated it: Fine')).toBeTruthy();
    expect(await db.resets.count()).toBe(0);
  });

  it('shows the save error when rating the call fails, and stays on the rating step', async () => {
    await recordEndedCall(db, endedCall());
    renderApp({ pending: pending(NOW) });
    await stepShown('How did that one go?');
    vi.spyOn(db.calls, 'where').mockImplementation(() => {
      throw new Error('disk full');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Tough' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Rebound couldn't save this reset: disk full. Try once more.",
    );
    expect(screen.getByRole('heading', { name: 'How did that one go?' })).toBeTruthy();
    expect(screen.getByText('Step 1 of 7')).toBeTruthy();
  });

  it('records the last step once when saving succeeds on the second try', async () => {
    await recordEndedCall(db, endedCall());
    await rateCall(db, 'hubspot:abc', 'fine', NOW);
    const add = vi.spyOn(db.resets, 'add').mockRejectedValueOnce(new Error('disk full'));
    renderApp({ pending: pending(NOW) });
    await stepShown('Breathe');
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    await skipToReady();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(SAVE_ERROR);
    expect(screen.getByRole('heading', { name: 'Ready for the next one' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await homeShown();
    expect(add).toHaveBeenCalledTimes(2);
    expect((await db.resets.toArray()).map((reset) => reset.steps)).toEqual([['positive', 'belief']]);
  });
});

describe('window mode (close given)', () => {
  it('closes the window once the routine is finished', async () => {
    const call = await recordEndedCall(db, endedCall());
    await rateCall(db, 'hubspot:abc', 'tough', NOW);
    const close = vi.fn();
    const { notifyHistoryChanged } = renderApp({
      pending: { kind: 'after-call', callKey: 'hubspot:abc', requestedAt: NOW },
      close,
    });
    await stepShown('Breathe');
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    await skipToReady();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    expect(notifyHistoryChanged).toHaveBeenCalledTimes(1);
    expect((await db.resets.toArray()).map((reset) => [reset.callId, reset.steps])).toEqual([
      [call.id, ['positive', 'belief']],
    ]);
  });

  it('closes the window on Escape instead of going home', async () => {
    const close = vi.fn();
    renderApp({ close });
    fireEvent.click(await homeShown());
    await stepShown('Breathe');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(close).toHaveBeenCalledTimes(1);
    expect(await db.resets.count()).toBe(0);
  });

  it('does not close when the save fails', async () => {
    vi.spyOn(db.resets, 'add').mockRejectedValue(new Error('disk full'));
    const close = vi.fn();
    renderApp({ close });
    fireEvent.click(await homeShown());
    await stepShown('Breathe');
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(SAVE_ERROR);
    expect(close).not.toHaveBeenCalled();
  });
});

describe('calls that could not be saved', () => {
  it('are announced on Home with the reason, and Try again asks the background to write them', async () => {
    const { notifyHistoryChanged } = renderApp({
      failure: { message: 'QuotaExceededError', at: NOW, waiting: 2 },
      afterRetry: undefined,
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("couldn't save your last 2 call(s): QuotaExceededError");
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(notifyHistoryChanged).toHaveBeenCalledTimes(1);
  });

  it('stay announced when the retry fails too', async () => {
    const failure = { message: 'disk full', at: NOW, waiting: 1 };
    renderApp({ failure, afterRetry: failure });
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('disk full'));
  });
});
