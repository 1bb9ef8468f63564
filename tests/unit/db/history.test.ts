import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRetention, deleteAllHistory, deleteCall } from '../../../src/db/deletion';
import { followUpGroups, setFollowUpDone } from '../../../src/db/follow-ups';
import {
  callDetail,
  dialersInHistory,
  type HistoryFilter,
  historyCallIds,
  historyFirstScreen,
  historyRows,
  setCallRating,
} from '../../../src/db/history';
import type { ReboundDb } from '../../../src/db/schema';
import { NOW, openFixtureDb } from './history-fixture';

let db: ReboundDb;
const DAY = 86_400_000;

beforeEach(async () => {
  db = await openFixtureDb('history');
});
afterEach(() => db.delete());

describe('history filters', () => {
  it('newest first with no filter', async () => {
    expect(await historyCallIds(db, {})).toEqual([5, 4, 3, 2, 1, 6, 8, 7, 9]);
  });

  it('the newest few first, for the screen, filtered the same way, each with its first reset', async () => {
    const firstScreen = async (filter: HistoryFilter, limit: number) =>
      (await historyFirstScreen(db, filter, limit)).map((row) => [row.call.id, row.reset?.id]);
    const rowsOf = async (ids: number[]) => (await historyRows(db, ids)).map((row) => [row.call.id, row.reset?.id]);
    expect(await firstScreen({}, 3)).toEqual(await rowsOf([5, 4, 3]));
    const tough = await historyCallIds(db, { rating: 'tough', source: 'hubspot' });
    expect(await firstScreen({ rating: 'tough', source: 'hubspot' }, 2)).toEqual(await rowsOf(tough.slice(0, 2)));
  });

  it('by date range, inclusive', async () => {
    expect(await historyCallIds(db, { from: Date.UTC(2026, 10, 20), to: Date.UTC(2026, 10, 24, 23, 59) })).toEqual([
      6, 8, 7,
    ]);
  });

  it('by dialer, by rating, unrated, and both', async () => {
    expect(await historyCallIds(db, { source: 'aircall' })).toEqual([4, 2]);
    expect(await historyCallIds(db, { rating: 'tough', from: Date.UTC(2026, 10, 24) })).toEqual([4, 3, 1, 6]);
    expect(await historyCallIds(db, { rating: 'unrated' })).toEqual([8]);
    expect(await historyCallIds(db, { source: 'aircall', rating: 'tough' })).toEqual([4]);
  });

  it('search finds lessons, causes, follow-up notes and tags, in any case', async () => {
    expect(await historyCallIds(db, { search: 'BUDGET' })).toEqual([3]);
    expect(await historyCallIds(db, { search: 'stayed calm' })).toEqual([1]);
    expect(await historyCallIds(db, { search: 'delivery' })).toEqual([6]);
    expect(await historyCallIds(db, { search: 'pricing' })).toEqual([2]);
    await db.resets.update(5, { notes: { 'dont-close': 'Asked for a decision date' } });
    expect(await historyCallIds(db, { search: 'decision date' })).toEqual([6]);
    expect(await historyCallIds(db, { search: 'budget', rating: 'fine' })).toEqual([]);
  });

  it('rows come with their first reset; detail with resets and follow-ups', async () => {
    const rows = await historyRows(db, [3, 4]);
    expect(rows.map((row) => [row.call.id, row.reset?.id])).toEqual([
      [3, 2],
      [4, undefined],
    ]);
    const detail = await callDetail(db, 3);
    expect(detail?.resets.map((reset) => reset.id)).toEqual([2]);
    expect(detail?.followUps.map((followUp) => followUp.id)).toEqual([1]);
    expect(await callDetail(db, 999)).toBeUndefined();
    expect(await dialersInHistory(db)).toEqual(['aircall', 'hubspot']);
  });

  it('edits and clears a rating', async () => {
    await setCallRating(db, 8, 'so-so', NOW);
    expect(await db.calls.get(8)).toMatchObject({ rating: 'so-so', ratedAt: NOW });
    await setCallRating(db, 8, undefined, NOW);
    const cleared = await db.calls.get(8);
    expect(cleared && 'rating' in cleared).toBe(false);
  });
});

describe('deleting', () => {
  it('one call with its resets and follow-ups', async () => {
    const followUpIds = await db.followUps.where('callId').equals(3).primaryKeys();
    expect(followUpIds.length).toBeGreaterThan(0);
    expect(await deleteCall(db, 3)).toEqual(followUpIds);
    expect(await db.calls.get(3)).toBeUndefined();
    expect(await db.resets.where('callId').equals(3).count()).toBe(0);
    expect(await db.followUps.where('callId').equals(3).count()).toBe(0);
    expect(await db.calls.count()).toBe(8);
  });

  it('retention deletes what is older than N days and keeps the rest', async () => {
    expect(await applyRetention(db, 0, NOW)).toEqual({ calls: 0, resets: 0, followUps: 0, followUpIds: [] });
    // Five days back from 25 Nov 17:00: calls 7, 8 (20 Nov) and 9 (1 Oct) go, with their resets.
    expect(await applyRetention(db, 5, NOW)).toEqual({ calls: 3, resets: 2, followUps: 1, followUpIds: [3] });
    expect((await db.calls.toCollection().primaryKeys()).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await db.resets.toCollection().primaryKeys()).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await db.followUps.toCollection().primaryKeys()).sort()).toEqual([1, 2]);
    expect(await applyRetention(db, 5, NOW)).toEqual({ calls: 0, resets: 0, followUps: 0, followUpIds: [] });
    expect(await applyRetention(db, 1, NOW + DAY)).toMatchObject({ calls: 6 });
  });

  it('everything', async () => {
    const followUpIds = await db.followUps.toCollection().primaryKeys();
    expect(await deleteAllHistory(db)).toEqual(followUpIds);
    expect([await db.calls.count(), await db.resets.count(), await db.followUps.count()]).toEqual([0, 0, 0]);
  });
});

it('follow-ups: overdue, due and done', async () => {
  const groups = await followUpGroups(db, NOW);
  expect(groups.overdue.map((row) => row.id)).toEqual([2]);
  expect(groups.due.map((row) => row.id)).toEqual([1]);
  expect(groups.done.map((row) => row.id)).toEqual([3]);
  await setFollowUpDone(db, 2, NOW);
  expect((await followUpGroups(db, NOW)).done.map((row) => row.id)).toEqual([2, 3]);
  await setFollowUpDone(db, 2, undefined);
  expect((await followUpGroups(db, NOW)).overdue.map((row) => row.id)).toEqual([2]);
});
