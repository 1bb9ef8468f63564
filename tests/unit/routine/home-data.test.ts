import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LiveCallsState, liveCallSources } from '../../../src/calls/live-calls-state';
import { type CallRecord, openReboundDb, type ReboundDb } from '../../../src/db/schema';
import { dayNumbers, startOfDay } from '../../../src/db/today';
import type { SessionSlot } from '../../../src/platform/session-store';
import { DEFAULT_SETTINGS, settingsFrom } from '../../../src/settings/settings';

let db: ReboundDb;
let dbCount = 0;
beforeEach(() => {
  db = openReboundDb(`home-data-test-${dbCount++}`);
});
afterEach(() => db.delete());

const NOW = new Date(2026, 10, 25, 15).getTime();

describe("today's numbers", () => {
  it('counts the calls, tough calls and resets completed since the start of the day', async () => {
    const call = (endedAt: number, rating?: CallRecord['rating']) =>
      ({
        callKey: `k${endedAt}`,
        source: 'hubspot',
        host: 'h',
        endedAt,
        outcome: 'completed',
        endReason: 'hang-up',
        tags: [],
        rating,
      }) as unknown as CallRecord;
    const since = startOfDay(NOW);
    expect(since).toBe(new Date(2026, 10, 25).getTime());
    await db.calls.bulkAdd([call(NOW - 1, 'tough'), call(NOW - 2, 'fine'), call(NOW - 3), call(since - 1, 'tough')]);
    await db.resets.bulkAdd([
      { kind: 'quick', startedAt: NOW - 5, completedAt: NOW, steps: [] },
      { kind: 'quick', startedAt: since - 5, completedAt: since - 1, steps: [] },
    ] as never);
    expect(await dayNumbers(db, since)).toEqual({ calls: 3, tough: 1, resets: 1 });
  });
});

describe('live calls, as the popup reads them', () => {
  const slot = (state?: LiveCallsState): SessionSlot<LiveCallsState> => ({
    read: async () => state,
    write: async () => undefined,
    clear: async () => undefined,
  });

  it('names the dialers of the calls the tracker holds live, newest first, once each', async () => {
    expect(await liveCallSources(slot())).toEqual([]);
    const state = {
      tracker: {
        live: {
          a: { source: 'hubspot', startedAt: 1 },
          b: { source: 'aircall', startedAt: 3 },
          c: { source: 'hubspot', startedAt: 2 },
        },
      },
      unwritten: [],
    } as unknown as LiveCallsState;
    expect(await liveCallSources(slot(state))).toEqual(['aircall', 'hubspot']);
  });
});

describe('the why-I-sell setting', () => {
  it('defaults to empty and keeps a line the rep wrote', () => {
    expect(DEFAULT_SETTINGS.whyISell).toBe('');
    expect(settingsFrom({ whyISell: 'Clinics run better' }).whyISell).toBe('Clinics run better');
    expect(settingsFrom({ whyISell: 'x'.repeat(500) }).whyISell).toBe('');
  });
});
