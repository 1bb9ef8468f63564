import type { Collection, InsertType } from 'dexie';
import type { CallRating } from '../messages/to-background';
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
  await db.resets.each((reset) => {
    if (reset.callId !== undefined && resetText(reset).toLowerCase().includes(needle)) ids.add(reset.callId);
  });
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
 * The ids of the calls that match, newest first (only the newest `limit` when given). Only ids
 * are kept: the list loads the rows it shows, so 100,000 matches cost a list of numbers.
 */
export async function historyCallIds(db: ReboundDb, filter: HistoryFilter, limit?: number): Promise<number[]> {
  const { rating, source } = filter;
  const needle = filter.search?.trim().toLowerCase() || undefined;
  const mentioned = needle ? await callsMentioning(db, needle) : new Set<number>();
  // The index already holds the rating when no dialer is chosen; everything else is checked here.
  const ratingChecked = rating !== undefined && (source !== undefined || rating === 'unrated');
  const matches = (call: CallRecord) =>
    (!ratingChecked || (rating === 'unrated' ? call.rating === undefined : call.rating === rating)) &&
    (!needle || mentioned.has(call.id) || call.tags.some((tag) => tag.toLowerCase().includes(needle)));
  const range = indexedRange(db, filter);
  const matching = ratingChecked || needle ? range.filter(matches) : range;
  // The newest few: a short walk backwards from the end.
  if (limit !== undefined) return matching.reverse().limit(limit).primaryKeys();
  // Read oldest first and turn round here: IndexedDB hands over a whole key range at once only
  // going forwards; backwards it is a cursor step per call (about a second for 100,000).
  const ids = await matching.primaryKeys();
  return ids.reverse();
}

export interface HistoryRow {
  call: CallRecord;
  /** The first reset done for this call, if any. */
  reset?: ResetRecord;
}

/** The rows for a window of ids, in the same order. */
export async function historyRows(db: ReboundDb, ids: number[]): Promise<HistoryRow[]> {
  return db.transaction('r', [db.calls, db.resets], async () => {
    const calls = await db.calls.bulkGet(ids);
    const resets = await db.resets.where('callId').anyOf(ids).toArray();
    const resetByCall = new Map<number, ResetRecord>();
    for (const reset of resets) {
      const known = resetByCall.get(reset.callId as number);
      if (!known || reset.completedAt < known.completedAt) resetByCall.set(reset.callId as number, reset);
    }
    return calls.flatMap((call) => (call ? [{ call, reset: resetByCall.get(call.id) }] : []));
  });
}

export interface CallDetail {
  call: CallRecord;
  resets: ResetRecord[];
  followUps: FollowUpRecord[];
}

export async function callDetail(db: ReboundDb, callId: number): Promise<CallDetail | undefined> {
  return db.transaction('r', [db.calls, db.resets, db.followUps], async () => {
    const call = await db.calls.get(callId);
    if (!call) return undefined;
    const [resets, followUps] = await Promise.all([
      db.resets.where('callId').equals(callId).sortBy('completedAt'),
      db.followUps.where('callId').equals(callId).sortBy('dueAt'),
    ]);
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

/** The last call recorded on a site, from the [host+endedAt] index: one row read. */
export function lastCallOnHost(db: ReboundDb, host: string): Promise<CallRecord | undefined> {
  return db.calls
    .where('[host+endedAt]')
    .between([host, Number.NEGATIVE_INFINITY], [host, Number.POSITIVE_INFINITY])
    .last();
}

/** Sets or clears a call's rating from the History section. */
export async function setCallRating(db: ReboundDb, callId: number, rating: CallRating | undefined, at: number) {
  await db.calls.update(
    callId,
    rating === undefined ? { rating: undefined, ratedAt: undefined } : { rating, ratedAt: at },
  );
}
