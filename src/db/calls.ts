import type { EndedCall } from '../calls/call';
import type { ManualCall } from '../calls/manual-call';
import type { CallRating } from '../messages/to-background';
import type { CallTalk } from '../talk/conversation-figures';
import { lastPackedCall, packedCallsBetween } from './packs/packed-reads';
import { newestCallFirst } from './packs/row-order';
import { unpackCallKey } from './packs/unpack';
import type { CallRecord, ReboundDb } from './schema';

/**
 * Writes an ended call once: a call already stored under the same callKey is left as it is.
 * Returns the stored record either way.
 */
export function recordEndedCall(db: ReboundDb, call: EndedCall): Promise<CallRecord> {
  return db.transaction('rw', db.calls, () => storeOnce(db, call));
}

/**
 * Writes ended calls in one transaction, each once: all of them are stored, or none. A backlog
 * of a thousand calls costs one transaction, not a thousand.
 */
export async function recordEndedCalls(db: ReboundDb, calls: readonly EndedCall[]): Promise<void> {
  if (calls.length === 0) return;
  await db.transaction('rw', db.calls, async () => {
    for (const call of calls) await storeOnce(db, call);
  });
}

/**
 * Inside a transaction on `calls`. Only rows are checked for the callKey, not packs: packs hold
 * imported calls only, which ended before their export was made, while a call recorded here has
 * just ended (or waited in the worker's backlog since it did) and so was in no export.
 */
async function storeOnce(db: ReboundDb, call: EndedCall): Promise<CallRecord> {
  const existing = await db.calls.where('callKey').equals(call.callKey).first();
  if (existing) return existing;
  const record = callRecordOf(call);
  const id = await db.calls.add(record as CallRecord);
  return { ...record, id };
}

/** The row an ended call is stored as (call-writes.ts writes the same one without Dexie). */
export function callRecordOf(call: EndedCall): Omit<CallRecord, 'id'> {
  return {
    callKey: call.callKey,
    source: call.source,
    host: call.host,
    direction: call.direction,
    startedAt: call.startedAt,
    endedAt: call.endedAt,
    durationMs: call.durationMs,
    outcome: call.outcome,
    endReason: call.endReason,
    ...(call.approximate ? { approximate: true } : {}),
    tags: [],
    ...(call.talk ? { talk: call.talk } : {}),
  };
}

/**
 * Changes the call with this callKey in one transaction, taken out of its pack first when it is
 * an imported call (the popup's last call can be one). The pack is found by the call-key lists,
 * not by opening packs.
 */
function changeByKey(db: ReboundDb, callKey: string, change: () => Promise<number>): Promise<number> {
  return db.transaction('rw', db.calls, async () => {
    if ((await db.calls.where('callKey').equals(callKey).count()) === 0) await unpackCallKey(callKey);
    return change();
  });
}

/** Figures that arrived after their call was written; a call that already has figures keeps them. */
export async function addLateTalk(db: ReboundDb, callKey: string, talk: CallTalk): Promise<void> {
  await changeByKey(db, callKey, () =>
    db.calls
      .where('callKey')
      .equals(callKey)
      .filter((call) => call.talk === undefined)
      .modify({ talk }),
  );
}

/** Stores a call the rep logged by hand; its callKey is new, so it is always a new row. */
export async function recordManualCall(db: ReboundDb, call: ManualCall): Promise<CallRecord> {
  const record: Omit<CallRecord, 'id'> = { ...call, tags: [] };
  const id = await db.calls.add(record as CallRecord);
  return { ...record, id };
}

export async function rateCall(db: ReboundDb, callKey: string, rating: CallRating, at: number): Promise<boolean> {
  const updated = await changeByKey(db, callKey, () =>
    db.calls.where('callKey').equals(callKey).modify({ rating, ratedAt: at }),
  );
  return updated > 0;
}

export function latestCall(db: ReboundDb): Promise<CallRecord | undefined> {
  return db.transaction('r', [db.calls, db.callPacks], async () => {
    const candidates = [await db.calls.orderBy('endedAt').last(), await lastPackedCall(db)];
    return candidates.filter((call) => call !== undefined).sort(newestCallFirst)[0];
  });
}

export function callByKey(db: ReboundDb, callKey: string): Promise<CallRecord | undefined> {
  return db.calls.where('callKey').equals(callKey).first();
}

/** Ratings of the calls that ended since `since`, newest first (unrated calls as undefined). */
export async function ratingsSince(db: ReboundDb, since: number): Promise<(CallRating | undefined)[]> {
  const calls = await db.transaction('r', [db.calls, db.callPacks], async () => [
    ...(await db.calls.where('endedAt').aboveOrEqual(since).toArray()),
    ...(await packedCallsBetween(db, since, Number.POSITIVE_INFINITY)),
  ]);
  return calls.sort(newestCallFirst).map((call) => call.rating);
}

/** Calls rated tough that ended since `since`, newest first: the rough run picks the worst of them. */
export function toughCallsSince(db: ReboundDb, since: number): Promise<CallRecord[]> {
  return db.transaction('r', [db.calls, db.callPacks], async () => {
    const rows = await db.calls
      .where('[rating+endedAt]')
      .between(['tough', since], ['tough', Number.MAX_SAFE_INTEGER])
      .toArray();
    const packed = (await packedCallsBetween(db, since, Number.MAX_SAFE_INTEGER)).filter(
      (call) => call.rating === 'tough',
    );
    return [...rows, ...packed].sort(newestCallFirst);
  });
}

export async function tagCall(db: ReboundDb, callKey: string, tags: string[]): Promise<void> {
  await changeByKey(db, callKey, () => db.calls.where('callKey').equals(callKey).modify({ tags }));
}
