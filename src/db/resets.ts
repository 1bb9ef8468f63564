import type { ReboundDb, ResetRecord } from './schema';

export async function recordReset(db: ReboundDb, reset: Omit<ResetRecord, 'id'>): Promise<number> {
  return db.resets.add(reset as ResetRecord);
}

export function resetForCall(db: ReboundDb, callId: number): Promise<ResetRecord | undefined> {
  return db.resets.where('callId').equals(callId).first();
}

/** Tough calls since `since` that no reset followed: the badge count. */
export async function toughCallsAwaitingReset(db: ReboundDb, since: number): Promise<number> {
  const tough = await db.calls
    .where('[rating+endedAt]')
    .between(['tough', since], ['tough', Number.POSITIVE_INFINITY])
    .primaryKeys();
  if (tough.length === 0) return 0;
  const reset = new Set(
    await db.resets
      .where('callId')
      .anyOf(tough)
      .toArray((rows) => rows.map((row) => row.callId)),
  );
  return tough.filter((id) => !reset.has(id)).length;
}
