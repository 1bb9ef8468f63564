import type { Collection, InsertType } from 'dexie';
import type { CallRating } from '../messages/to-background';
import {
  allPacked,
  newestPackedCalls,
  packedCallsBetween,
  packedCallsByIds,
  packedCallsOnHost,
  packedResetsOfCalls,
} from './packs/packed-reads';
import { byId, newestCallFirst } from './packs/row-order';
import { unpackCallsWithResets } from './packs/unpack';
import type { CallRecord, FollowUpRecord, ReboundDb, ResetRecord } from './schema';

/** The History section's filters; every field is optional. Times are epoch ms, `to` inclusive. */
export interface HistoryFilter {
  from?: number;
  to?: number;
  source?: string;
  rating?: CallRating | 'unrated';
  search?: string;
}

const FAR_FUTURE = 8.64e15;

/** The words a rep wrote about a reset: its lesson, causes, notes and stay-calm card. */
function resetText(reset: ResetRecord): string {
  return [
    reset.lesson?.wentWell,
    reset.lesson?.doDifferently,
    ...(reset.causes ?? []),
    ...Object.values(reset.notes ?? {}),
    ...Object.values(reset.stayCalm ?? {}),
    reset.support?.note,
  ]
    .filter(Boolean)
    .join(' ');
}

/** Calls whose reset lessons or follow-up notes mention `needle` (lower case). */
async function callsMentioning(db: ReboundDb, needle: string): Promise<Set<number>> {
  const ids = new Set<number>();
  const mentions = (reset: ResetRecord) => {
    if (reset.callId !== undefined && resetText(reset).toLowerCase().includes(needle)) ids.add(reset.callId);
  };
  await db.resets.each(mentions);
  for (const reset of await allPacked(db.resetPacks)) mentions(reset);
  await db.followUps.each((followUp) => {
    const text = `${followUp.who} ${followUp.note ?? ''}`.toLowerCase();
    if (followUp.callId !== undefined && text.includes(needle)) ids.add(followUp.callId);
  });
  return ids;
}

/** The narrowest index for the filter: dialer or rating within the date range, else the range. */
function indexedRange(
  db: ReboundDb,
  filter: HistoryFilter,
): Collection<CallRecord, number, InsertType<CallRecord, 'id'>> {
  const from = filter.from ?? 0;
  const to = filter.to ?? FAR_FUTURE;
  if (filter.source !== undefined) {
    return db.calls.where('[source+endedAt]').between([filter.source, from], [filter.source, to], true, true);
  }
  if (filter.rating !== undefined && filter.rating !== 'unrated') {
    return db.calls.where('[rating+endedAt]').between([filter.rating, from], [filter.rating, to], true, true);
  }
  return db.calls.where('endedAt').between(from, to, true, true);
}

/**
 * The ids of every call that matches, newest first. Only ids are kept: the list loads the rows it
 * shows, so 100,000 matches cost a list of numbers.
 */
export function historyCallIds(db: ReboundDb, filter: HistoryFilter): Promise<number[]> {
  // An async scope function: Dexie keeps its zone across native awaits only for one.
  return db.transaction('r', [db.calls, db.resets, db.followUps, db.callPacks, db.resetPacks], async () =>
    matchingIds(db, filter),
  );
}

export interface HistoryRow {
  call: CallRecord;
  /** The first reset done for this call, if any. */
  reset?: ResetRecord;
}

/**
 * The screen a rep sees first: the newest `limit` calls that match, as rows, in one transaction.
 * The calls found are the rows' calls (no second read of them, nor of the pack they came from).
 */
export function historyFirstScreen(db: ReboundDb, filter: HistoryFilter, limit: number): Promise<HistoryRow[]> {
  return db.transaction('r', [db.calls, db.resets, db.followUps, db.callPacks, db.resetPacks], async () => {
    const calls = await newestMatching(db, filter, limit);
    return withFirstResets(
      db,
      calls.map((call) => call.id),
      calls,
    );
  });
}

/** What the filter asks of a call, for the index range and for packed calls. */
async function matcher(db: ReboundDb, filter: HistoryFilter) {
  const { rating, source } = filter;
  const needle = filter.search?.trim().toLowerCase() || undefined;
  const mentioned = needle ? await callsMentioning(db, needle) : new Set<number>();
  // The index already holds the rating when no dialer is chosen; everything else is checked here.
  const ratingChecked = rating !== undefined && (source !== undefined || rating === 'unrated');
  const matches = (call: CallRecord) =>
    (!ratingChecked || (rating === 'unrated' ? call.rating === undefined : call.rating === rating)) &&
    (!needle || mentioned.has(call.id) || call.tags.some((tag) => tag.toLowerCase().includes(needle)));
  const range = indexedRange(db, filter);
  return {
    matching: ratingChecked || needle ? range.filter(matches) : range,
    from: filter.from ?? 0,
    to: filter.to ?? FAR_FUTURE,
    keepPacked: (call: CallRecord) =>
      (source === undefined || call.source === source) &&
      (rating === undefined || (rating === 'unrated' ? call.rating === undefined : call.rating === rating)) &&
      matches(call),
  };
}

/** The newest `limit` matching calls, newest first: the newest few rows and packed calls, merged. */
async function newestMatching(db: ReboundDb, filter: HistoryFilter, limit: number): Promise<CallRecord[]> {
  const { matching, from, to, keepPacked } = await matcher(db, filter);
  const newest = await newestPackedCalls(db, from, to, keepPacked, limit);
  const rows = await matching.reverse().limit(limit).toArray();
  return newest.length === 0 ? rows : [...rows, ...newest].sort(newestCallFirst).slice(0, limit);
}

async function matchingIds(db: ReboundDb, filter: HistoryFilter): Promise<number[]> {
  const { matching, from, to, keepPacked } = await matcher(db, filter);
  const packed = (await packedCallsBetween(db, from, to)).filter(keepPacked);
  if (packed.length > 0) {
    // Both orders are the index's: end time, then id. The index keys give each row's end time.
    const keys = await matching.keys();
    const ids = await matching.primaryKeys();
    const rows = ids.map((id, index) => {
      const key = keys[index];
      return { id, endedAt: (Array.isArray(key) ? key[1] : key) as number };
    });
    return [...rows, ...packed].sort((a, b) => b.endedAt - a.endedAt || b.id - a.id).map((call) => call.id);
  }
  // Read oldest first and turn round here: IndexedDB hands over a whole key range at once only
  // going forwards; backwards it is a cursor step per call (about a second for 100,000).
  const ids = await matching.primaryKeys();
  return ids.reverse();
}

/** The rows for a window of ids, in the same order. */
export async function historyRows(db: ReboundDb, ids: number[]): Promise<HistoryRow[]> {
  return db.transaction('r', [db.calls, db.resets, db.callPacks, db.resetPacks], async () => {
    const rows = await db.calls.bulkGet(ids);
    const packed = await packedCallsByIds(
      db,
      ids.filter((_, index) => rows[index] === undefined),
    );
    return withFirstResets(
      db,
      ids,
      rows.map((row, index) => row ?? packed.get(ids[index] as number)),
    );
  });
}

/** `calls` (for `ids`, in order; a missing one left out) each with the first reset done for it. */
async function withFirstResets(db: ReboundDb, ids: number[], calls: (CallRecord | undefined)[]): Promise<HistoryRow[]> {
  const resets = [
    ...(await db.resets.where('callId').anyOf(ids).toArray()),
    ...(await packedResetsOfCalls(db, ids)),
  ].sort(byId);
  const resetByCall = new Map<number, ResetRecord>();
  for (const reset of resets) {
    const known = resetByCall.get(reset.callId as number);
    if (!known || reset.completedAt < known.completedAt) resetByCall.set(reset.callId as number, reset);
  }
  return calls.flatMap((call) => (call ? [{ call, reset: resetByCall.get(call.id) }] : []));
}

export interface CallDetail {
  call: CallRecord;
  resets: ResetRecord[];
  followUps: FollowUpRecord[];
}

export async function callDetail(db: ReboundDb, callId: number): Promise<CallDetail | undefined> {
  return db.transaction('r', [db.calls, db.resets, db.followUps, db.callPacks, db.resetPacks], async () => {
    const call = (await db.calls.get(callId)) ?? (await packedCallsByIds(db, [callId])).get(callId);
    if (!call) return undefined;
    const [rows, packed, followUps] = await Promise.all([
      db.resets.where('callId').equals(callId).toArray(),
      packedResetsOfCalls(db, [callId]),
      db.followUps.where('callId').equals(callId).sortBy('dueAt'),
    ]);
    // By id, then by completion: the sort is stable, as Dexie's sortBy over the index was.
    const resets = [...rows, ...packed].sort(byId).sort((a, b) => a.completedAt - b.completedAt);
    return { call, resets, followUps };
  });
}

/** Every dialer that appears in the history, from the daily roll-ups, sorted. */
export async function dialersInHistory(db: ReboundDb): Promise<string[]> {
  const sources = new Set<string>();
  await db.dayRollups.each((rollup) => {
    for (const source of rollup.sources) sources.add(source);
  });
  return [...sources].sort();
}

/**
 * The last call recorded on a site, from the [host+endedAt] index (one row read) and the packs
 * whose hosts name it.
 */
export function lastCallOnHost(db: ReboundDb, host: string): Promise<CallRecord | undefined> {
  return db.transaction('r', [db.calls, db.callPacks], async () => {
    const row = await db.calls
      .where('[host+endedAt]')
      .between([host, Number.NEGATIVE_INFINITY], [host, Number.POSITIVE_INFINITY])
      .last();
    return [...(row ? [row] : []), ...(await packedCallsOnHost(db, host))].sort(newestCallFirst)[0];
  });
}

/** Sets or clears a call's rating from the History section. */
export async function setCallRating(db: ReboundDb, callId: number, rating: CallRating | undefined, at: number) {
  await db.transaction('rw', db.calls, async () => {
    await unpackCallsWithResets([callId]);
    await db.calls.update(
      callId,
      rating === undefined ? { rating: undefined, ratedAt: undefined } : { rating, ratedAt: at },
    );
  });
}
