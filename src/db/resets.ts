import { packedCallsBetween, packedResetsOfCalls } from './packs/packed-reads';
import { byId } from './packs/row-order';
import type { ReboundDb, ResetRecord } from './schema';

export async function recordReset(db: ReboundDb, reset: Omit<ResetRecord, 'id'>): Promise<number> {
  return db.resets.add(reset as ResetRecord);
}

/** The first reset stored for the call (lowest id), row or packed. */
export function resetForCall(db: ReboundDb, callId: number): Promise<ResetRecord | undefined> {
  return db.transaction('r', [db.resets, db.resetPacks], async () => {
    const row = await db.resets.where('callId').equals(callId).first();
    const packed = await packedResetsOfCalls(db, [callId]);
    return [...(row ? [row] : []), ...packed].sort(byId)[0];
  });
}

/** Tough calls since `since` that no reset followed: the badge count. */
export async function toughCallsAwaitingReset(db: ReboundDb, since: number): Promise<number> {
  return db.transaction('r', [db.calls, db.resets, db.callPacks, db.resetPacks], async () => {
    const tough = [
      ...((await db.calls
        .where('[rating+endedAt]')
        .between(['tough', since], ['tough', Number.POSITIVE_INFINITY])
        .primaryKeys()) as number[]),
      ...(await packedCallsBetween(db, since, Number.POSITIVE_INFINITY))
        .filter((call) => call.rating === 'tough')
        .map((call) => call.id),
    ];
    if (tough.length === 0) return 0;
    const reset = new Set(
      await db.resets
        .where('callId')
        .anyOf(tough)
        .toArray((rows) => rows.map((row) => row.callId)),
    );
    for (const row of await packedResetsOfCalls(db, tough)) reset.add(row.callId);
    return tough.filter((id) => !reset.has(id)).length;
  });
}
