/**
 * The popup's boot starts every read home needs before anything renders: one storage.session
 * get and one storage.local get for all their keys, and the history read alongside; the slots
 * answer their first read from those, and the mark is set once all is in.
 */
import { describe, expect, it, vi } from 'vitest';
import type { LiveCallsState } from '../../../src/calls/live-calls-state';
import type { HomeReader, HomeSnapshot } from '../../../src/db/home-reader';
import type { CallRecord } from '../../../src/db/schema';
import { startOfDay } from '../../../src/db/today';
import { HOME_READS_MARK, startPopupBoot } from '../../../src/popup/boot';

const NOW = new Date(2026, 10, 25, 15, 0).getTime();

const SNAPSHOT: HomeSnapshot = { last: null, today: { calls: 3, tough: 1, resets: 0 }, followUps: [] };

const live: LiveCallsState = {
  tracker: {
    live: { 'tab:1': { source: 'hubspot', tabId: 1, frameId: 0, startedAt: NOW - 10_000 } },
  } as unknown as LiveCallsState['tracker'],
  unwritten: [],
};

function area(items: Record<string, unknown>) {
  return {
    get: vi.fn(async (keys: string[]) =>
      Object.fromEntries(keys.filter((key) => key in items).map((key) => [key, items[key]])),
    ),
  };
}

function fakeReader(): HomeReader & { snapshot: ReturnType<typeof vi.fn> } {
  return {
    snapshot: vi.fn(async () => SNAPSHOT),
    openFollowUps: vi.fn(async () => []),
    callByKey: vi.fn(async () => undefined),
  };
}

describe('startPopupBoot', () => {
  it('reads each storage area once, the history at once, and marks when all is in', async () => {
    const session = area({
      liveCalls: live,
      writeFailure: { message: 'Disk full', at: NOW, waiting: 2 },
      pendingRoutine: { kind: 'quick', requestedAt: NOW },
      routineDraft: undefined,
    });
    const local = area({ snoozedUntil: NOW + 60_000, offeredNudge: undefined });
    const reader = fakeReader();
    const mark = vi.fn();

    const boot = startPopupBoot({ storage: { session, local }, reader, now: NOW, mark, saveSnapshot: vi.fn() });
    // Started before the caller renders anything: nothing awaited yet.
    expect(reader.snapshot).toHaveBeenCalledTimes(1);
    expect(session.get).toHaveBeenCalledTimes(1);
    expect(local.get).toHaveBeenCalledTimes(1);
    expect(mark).not.toHaveBeenCalled();

    const first = await boot.firstScreen;
    expect(first).toEqual({
      snapshot: SNAPSHOT,
      live: ['hubspot'],
      failure: { message: 'Disk full', at: NOW, waiting: 2 },
      snooze: { until: NOW + 60_000 },
    });
    expect(await boot.pendingRoutine.read()).toEqual({ kind: 'quick', requestedAt: NOW });
    expect(await boot.routineDraft.read()).toBeUndefined();
    expect(await boot.offeredNudge.read()).toBeUndefined();
    expect(session.get).toHaveBeenCalledTimes(1);
    expect(local.get).toHaveBeenCalledTimes(1);
    expect(mark).toHaveBeenCalledWith(HOME_READS_MARK);
  });

  it('says a history that cannot be read, and still shows the rest', async () => {
    const reader = fakeReader();
    reader.snapshot.mockRejectedValue(new Error('The database is broken'));
    const boot = startPopupBoot({
      storage: { session: area({}), local: area({ snoozedUntil: 'not a time' }) },
      reader,
      now: NOW,
      mark: () => undefined,
      saveSnapshot: vi.fn(),
    });
    const first = await boot.firstScreen;
    expect(first.error).toContain('The database is broken');
    expect(first.live).toEqual([]);
    expect(first.snooze).toEqual({ until: undefined });
  });

  describe('with a snapshot of home in storage.session', () => {
    const call = { id: 7, callKey: 'hubspot:7', source: 'hubspot', startedAt: NOW - 90_000, endedAt: NOW - 60_000 };
    const STORED: HomeSnapshot = {
      last: { call: call as unknown as CallRecord, resetDone: false },
      today: { calls: 4, tough: 2, resets: 1 },
      followUps: [],
    };
    const stored = (basedOn: number, dayStart = startOfDay(NOW)) => ({ basedOn, dayStart, snapshot: STORED });
    const never = () => new Promise<HomeSnapshot>(() => undefined);

    it('draws the first screen from a current snapshot without waiting for the database', async () => {
      const reader = fakeReader();
      reader.snapshot.mockImplementation(never);
      const mark = vi.fn();
      const saveSnapshot = vi.fn();
      const boot = startPopupBoot({
        storage: { session: area({ homeSnapshot: stored(1234), historyChanged: 1234 }), local: area({}) },
        reader,
        now: NOW,
        mark,
        saveSnapshot,
      });
      const first = await boot.firstScreen;
      expect(first.snapshot).toEqual(STORED);
      expect(mark).toHaveBeenCalledWith(HOME_READS_MARK);
      // The database is still asked, to confirm: its answer comes as `history`.
      expect(reader.snapshot).toHaveBeenCalledTimes(1);
      expect(saveSnapshot).not.toHaveBeenCalled();
    });

    it('then gives the database its say', async () => {
      const boot = startPopupBoot({
        storage: { session: area({ homeSnapshot: stored(1234), historyChanged: 1234 }), local: area({}) },
        reader: fakeReader(),
        now: NOW,
        mark: () => undefined,
        saveSnapshot: vi.fn(),
      });
      expect((await boot.firstScreen).snapshot).toEqual(STORED);
      expect(await boot.history).toEqual({ snapshot: SNAPSHOT });
    });

    it.each([
      ['the history changed since it was read', stored(1234), 5678],
      ['it counts another day', stored(1234, startOfDay(NOW) - 24 * 60 * 60 * 1000), 1234],
      ['it is not a snapshot', 'garbage', 1234],
    ])(
      'waits for the database when %s, and stores what it read under the stamp it found',
      async (_, snapshot, stamp) => {
        const saveSnapshot = vi.fn(async () => undefined);
        const boot = startPopupBoot({
          storage: { session: area({ homeSnapshot: snapshot, historyChanged: stamp }), local: area({}) },
          reader: fakeReader(),
          now: NOW,
          mark: () => undefined,
          saveSnapshot,
        });
        expect((await boot.firstScreen).snapshot).toEqual(SNAPSHOT);
        await vi.waitFor(() =>
          expect(saveSnapshot).toHaveBeenCalledWith({ basedOn: stamp, dayStart: startOfDay(NOW), snapshot: SNAPSHOT }),
        );
      },
    );

    it('stores nothing when the database could not be read', async () => {
      const reader = fakeReader();
      reader.snapshot.mockRejectedValue(new Error('The database is broken'));
      const saveSnapshot = vi.fn();
      const boot = startPopupBoot({
        storage: { session: area({}), local: area({}) },
        reader,
        now: NOW,
        mark: () => undefined,
        saveSnapshot,
      });
      expect((await boot.firstScreen).error).toContain('broken');
      await boot.history;
      expect(saveSnapshot).not.toHaveBeenCalled();
    });
  });
});
