/**
 * The daily roll-ups stay equal to a rebuild from scratch after every kind of write, whichever
 * module makes it, and commit or roll back with the rows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateHistory } from '../../../scripts/seed-history';
import { manualCall } from '../../../src/calls/manual-call';
import { rateCall, recordEndedCall, recordEndedCalls, recordManualCall, tagCall } from '../../../src/db/calls';
import { checkRollups } from '../../../src/db/day-rollup-check';
import { buildRollups, sumRollups } from '../../../src/db/day-rollups';
import { applyRetention, deleteAllHistory, deleteCall } from '../../../src/db/deletion';
import { setCallRating } from '../../../src/db/history';
import { applyImport } from '../../../src/db/import';
import { recordReset } from '../../../src/db/resets';
import type { CallRecord, ReboundDb } from '../../../src/db/schema';
import { dayNumbers } from '../../../src/db/today';
import { CALLS, NOW, openFixtureDb, RESETS, utcClock } from './history-fixture';

let db: ReboundDb;
const DAY = 86_400_000;

beforeEach(async () => {
  db = await openFixtureDb('rollups');
});
afterEach(() => db.delete());

const expectCurrent = async () => expect((await checkRollups(db, utcClock)).differing).toEqual([]);
const today = utcClock.startOfDay(NOW);

const ended = (callKey: string, endedAt: number) => ({
  callKey,
  tabId: 1,
  host: 'app.hubspot.com',
  source: 'hubspot',
  startedAt: endedAt - 60_000,
  endedAt,
  durationMs: 60_000,
  outcome: 'completed' as const,
  endReason: 'hang-up' as const,
});

describe('every write keeps the roll-ups equal to a rebuild', () => {
  it('starts current: the fixture went in through bulkAdd', async () => {
    const check = await checkRollups(db, utcClock);
    expect(check.stored).toBeGreaterThan(0);
    expect(check.differing).toEqual([]);
  });

  it('recording calls, one and many', async () => {
    const before = await dayNumbers(db, today);
    await recordEndedCall(db, ended('new-1', NOW - 1000));
    await recordEndedCalls(db, [ended('new-2', NOW - 2000), ended('new-3', NOW - 3 * DAY)]);
    // A new dialer, on a day that had no calls yet, and one earlier in the day than the others.
    await recordEndedCall(db, { ...ended('new-4', NOW - 40 * DAY), source: 'zoom-phone' });
    await recordEndedCall(db, { ...ended('new-5', today + 1), source: 'aircall' });
    // A repeat of a stored call writes nothing.
    await recordEndedCall(db, ended('new-1', NOW - 1000));
    expect((await dayNumbers(db, today)).calls).toBe(before.calls + 3);
    await expectCurrent();
  });

  it('calls logged by hand, missed or not: Insights counts them from the roll-ups', async () => {
    await recordManualCall(db, manualCall({ device: 'phone', durationMs: 60_000 }, NOW - 10_000, 'a'));
    await recordManualCall(db, manualCall({ missed: true }, NOW - 5000, 'b'));
    const day = await db.dayRollups.get(today);
    expect([day?.loggedByHand, day?.missed, day?.sources.includes('manual')]).toEqual([2, 1, true]);
    await expectCurrent();
  });

  it('rating, re-rating, clearing a rating and tagging', async () => {
    const call = CALLS[1] as CallRecord;
    await rateCall(db, call.callKey, 'tough', NOW);
    await expectCurrent();
    await setCallRating(db, call.id, 'fine', NOW);
    await expectCurrent();
    await setCallRating(db, call.id, undefined, NOW);
    await tagCall(db, call.callKey, ['pricing']);
    await expectCurrent();
  });

  it('a reset for an earlier day: the call’s day gains its recovery, the reset’s day its count', async () => {
    const call = CALLS.find((row) => row.endedAt < today && !RESETS.some((reset) => reset.callId === row.id));
    if (!call) throw new Error('the fixture has an earlier call with no reset');
    const callDay = await db.dayRollups.get(utcClock.startOfDay(call.endedAt));
    await recordReset(db, { kind: 'after-call', callId: call.id, startedAt: NOW - 10, completedAt: NOW, steps: [] });
    const after = await db.dayRollups.get(utcClock.startOfDay(call.endedAt));
    expect(after?.recoveriesMs.length).toBe((callDay?.recoveriesMs.length ?? 0) + 1);
    await expectCurrent();
  });

  it('deleting a call, retention and deleting everything', async () => {
    await deleteCall(db, (CALLS[0] as CallRecord).id);
    await expectCurrent();
    await applyRetention(db, 3, NOW);
    await expectCurrent();
    expect(
      await db.dayRollups
        .where('day')
        .below(utcClock.startOfDay(NOW - 3 * DAY))
        .count(),
    ).toBe(0);
    await deleteAllHistory(db);
    await expectCurrent();
    expect(await db.dayRollups.count()).toBe(0);
  });

  it('an import, into a history that already has rows', async () => {
    const history = generateHistory({ calls: 600, resets: 300, endAt: NOW });
    await applyImport(db, history);
    await expectCurrent();
    expect((await db.dayRollups.toArray()).reduce((sum, day) => sum + day.calls, 0)).toBe(CALLS.length + 600);
  });

  it('a transaction that fails leaves the roll-ups as they were, with the rows', async () => {
    const before = await db.dayRollups.toArray();
    await expect(
      db.transaction('rw', db.calls, async () => {
        await recordEndedCall(db, ended('doomed', NOW - 5));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await db.dayRollups.toArray()).toEqual(before);
  });
});

it('the check names a day whose stored roll-up drifted from its rows', async () => {
  const day = utcClock.startOfDay((CALLS[0] as CallRecord).endedAt);
  const stored = await db.dayRollups.get(day);
  await db.dayRollups.put({ ...(stored as NonNullable<typeof stored>), calls: 999 });
  expect((await checkRollups(db, utcClock)).differing).toEqual([day]);
});

it('a reset streak runs across days: a day of only tough calls with resets carries it on', () => {
  const call = (id: number, endedAt: number, rating?: CallRecord['rating']) =>
    ({ id, endedAt, rating, source: 's', callKey: `${id}` }) as CallRecord;
  const calls = [
    call(1, 0 * DAY + 1, 'tough'),
    call(2, 0 * DAY + 2, 'tough'),
    call(3, 1 * DAY + 1, 'tough'),
    call(4, 2 * DAY + 1, 'tough'),
    call(5, 2 * DAY + 2, 'tough'),
    call(6, 2 * DAY + 3, 'fine'),
    call(7, 3 * DAY + 1, 'tough'),
  ];
  // Every tough call has a reset but call 5.
  const firsts = new Map([1, 2, 3, 4, 7].map((id) => [id, (calls[id - 1] as CallRecord).endedAt + 10]));
  const totals = sumRollups(buildRollups(calls, [], firsts, utcClock), utcClock);
  expect(totals.longestResetStreak).toBe(4);
  expect(totals.toughWithReset).toBe(5);
  expect(totals.recoveriesMs).toEqual([10, 10, 10, 10, 10]);
});
