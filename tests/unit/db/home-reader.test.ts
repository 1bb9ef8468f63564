/**
 * The popup's raw IndexedDB reader reads the rows Dexie wrote, through the indexes Dexie made:
 * the newest call by end (not by id), its reset, the day's roll-up, and the open follow-ups from
 * a time on, soonest first.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { homeReader, OutdatedDatabase } from '../../../src/db/home-reader';
import { type CallRecord, type FollowUpRecord, openReboundDb, type ReboundDb } from '../../../src/db/schema';
import { startOfDay } from '../../../src/db/today';

const NOW = new Date(2026, 10, 25, 15, 0).getTime();
const HOUR = 3_600_000;
const TODAY = startOfDay(NOW);

let db: ReboundDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const freshName = () => `home-reader-${Math.random()}`;
const noUpgrade = vi.fn(async () => {
  throw new Error('no upgrade expected');
});

const call = (callKey: string, endedAt: number, rating?: CallRecord['rating']): Omit<CallRecord, 'id'> => ({
  callKey,
  source: 'hubspot',
  host: 'app.hubspot.com',
  endedAt,
  durationMs: 60_000,
  outcome: 'completed',
  endReason: 'hang-up',
  tags: [],
  ...(rating ? { rating } : {}),
});

const followUp = (who: string, dueAt: number, doneAt?: number): Omit<FollowUpRecord, 'id'> => ({
  who,
  dueAt,
  ...(doneAt === undefined ? {} : { doneAt }),
});

/** Ids and end times that disagree: the newest call is not the last one added. */
async function seeded(name: string): Promise<ReboundDb> {
  const opened = openReboundDb(name);
  await opened.calls.add(call('hubspot:newest', NOW - HOUR, 'tough') as CallRecord);
  await opened.calls.add(call('hubspot:yesterday', TODAY - HOUR, 'tough') as CallRecord);
  await opened.calls.add(call('hubspot:morning', TODAY + HOUR, 'tough') as CallRecord);
  const newest = await opened.calls.where('callKey').equals('hubspot:newest').first();
  const morning = await opened.calls.where('callKey').equals('hubspot:morning').first();
  await opened.resets.add({
    kind: 'after-call',
    callId: morning?.id,
    startedAt: NOW - 30 * 60_000,
    completedAt: NOW - 30 * 60_000,
    steps: [],
  } as never);
  await opened.resets.add({ kind: 'quick', startedAt: TODAY - HOUR, completedAt: TODAY - HOUR, steps: [] } as never);
  expect(newest?.id).toBe(1);
  await opened.followUps.bulkAdd([
    followUp('too old', NOW - 10 * 24 * HOUR),
    followUp('done already', NOW + HOUR, NOW),
    followUp('later', NOW + 3 * HOUR),
    followUp('soonest', NOW - HOUR),
    followUp('latest', NOW + 9 * HOUR),
  ] as FollowUpRecord[]);
  return opened;
}

describe('homeReader', () => {
  it('reads the newest call by end time with its reset, today’s roll-up and the open follow-ups', async () => {
    const name = freshName();
    db = await seeded(name);
    const snapshot = await homeReader(noUpgrade, name).snapshot(TODAY, NOW - 7 * 24 * HOUR, 2);
    expect(snapshot.last?.call).toEqual(await db.calls.orderBy('endedAt').last());
    expect(snapshot.last?.call.callKey).toBe('hubspot:newest');
    expect(snapshot.last?.resetDone).toBe(false);
    // Today: the morning and the newest call, both tough, and the one reset completed today.
    expect(snapshot.today).toEqual({ calls: 2, tough: 2, resets: 1 });
    expect(snapshot.followUps.map((row) => row.who)).toEqual(['soonest', 'later']);
  });

  it('tells whether a reset followed a call, found by its key', async () => {
    const name = freshName();
    db = await seeded(name);
    const reader = homeReader(noUpgrade, name);
    expect(await reader.callByKey('hubspot:morning')).toMatchObject({
      call: { callKey: 'hubspot:morning' },
      resetDone: true,
    });
    expect(await reader.callByKey('hubspot:yesterday')).toMatchObject({ resetDone: false });
    expect(await reader.callByKey('hubspot:unknown')).toBeUndefined();
  });

  it('lists every open follow-up from a time on, up to the limit, and sees a follow-up done since', async () => {
    const name = freshName();
    db = await seeded(name);
    const reader = homeReader(noUpgrade, name);
    expect((await reader.openFollowUps(NOW - 30 * 24 * HOUR, 10)).map((row) => row.who)).toEqual([
      'too old',
      'soonest',
      'later',
      'latest',
    ]);
    await db.followUps.filter((row) => row.who === 'soonest').modify({ doneAt: NOW });
    expect((await reader.openFollowUps(NOW - 2 * HOUR, 10)).map((row) => row.who)).toEqual(['later', 'latest']);
  });

  it('finds nothing in a database that does not exist yet, and does not create it', async () => {
    const name = freshName();
    const snapshot = await homeReader(noUpgrade, name).snapshot(TODAY, 0, 5);
    expect(snapshot).toEqual({ last: null, today: { calls: 0, tough: 0, resets: 0 }, followUps: [] });
    expect(await Dexie.exists(name)).toBe(false);
    // Dexie then creates it with its whole schema, and the next read sees its rows.
    db = openReboundDb(name);
    await db.calls.add(call('hubspot:first', NOW) as CallRecord);
    const reader = homeReader(noUpgrade, name);
    expect((await reader.snapshot(TODAY, 0, 5)).last?.call.callKey).toBe('hubspot:first');
  });

  it('never holds up an upgrade or a delete, and reads again afterwards', async () => {
    const name = freshName();
    db = await seeded(name);
    const reader = homeReader(noUpgrade, name);
    await reader.snapshot(TODAY, 0, 5);
    db.close();
    await db.delete();
    db = await seeded(name);
    expect((await reader.snapshot(TODAY, 0, 5)).last?.call.callKey).toBe('hubspot:newest');
  });

  it('has a database from before the roll-ups upgraded first, then reads it', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(2).stores({
      calls: '++id, &callKey, startedAt, endedAt, source, rating, [source+endedAt], [rating+endedAt]',
      resets: '++id, startedAt, callId, kind, completedAt',
      followUps: '++id, dueAt, doneAt, callId',
    });
    await v2.table('calls').add(call('hubspot:old', NOW - HOUR, 'tough'));
    v2.close();
    const upgrade = vi.fn(async () => {
      db = openReboundDb(name);
      await db.open();
    });
    const snapshot = await homeReader(upgrade, name).snapshot(TODAY, 0, 5);
    expect(upgrade).toHaveBeenCalledTimes(1);
    expect(snapshot.last?.call.callKey).toBe('hubspot:old');
    expect(snapshot.today).toEqual({ calls: 1, tough: 1, resets: 0 });
  });

  it('says so when the upgrade did not happen', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(2).stores({ calls: '++id, &callKey, endedAt', resets: '++id, callId', followUps: '++id, dueAt' });
    await v2.open();
    v2.close();
    await expect(homeReader(async () => undefined, name).snapshot(TODAY, 0, 5)).rejects.toBeInstanceOf(
      OutdatedDatabase,
    );
    await Dexie.delete(name);
  });
});
