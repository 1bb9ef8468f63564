import type { ReboundDb } from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Deleted {
  calls: number;
  resets: number;
  followUps: number;
}

/**
 * Deletes history older than `days` (0 keeps everything): calls that ended before the cutoff
 * with their resets and follow-ups, resets completed before it, follow-ups due before it.
 */
export async function applyRetention(db: ReboundDb, days: number, now: number): Promise<Deleted> {
  if (days <= 0) return { calls: 0, resets: 0, followUps: 0 };
  const cutoff = now - days * DAY_MS;
  return db.transaction('rw', [db.calls, db.resets, db.followUps], async () => {
    const oldCalls = await db.calls.where('endedAt').below(cutoff).primaryKeys();
    const resets =
      (await db.resets.where('callId').anyOf(oldCalls).delete()) +
      (await db.resets.where('completedAt').below(cutoff).delete());
    const followUps =
      (await db.followUps.where('callId').anyOf(oldCalls).delete()) +
      (await db.followUps.where('dueAt').below(cutoff).delete());
    await db.calls.bulkDelete(oldCalls);
    return { calls: oldCalls.length, resets, followUps };
  });
}

/** Empties every table in one transaction. */
export async function deleteAllHistory(db: ReboundDb): Promise<void> {
  await db.transaction('rw', [db.calls, db.resets, db.followUps], async () => {
    await Promise.all([db.calls.clear(), db.resets.clear(), db.followUps.clear()]);
  });
}

/** Deletes one call with its resets and follow-ups. */
export async function deleteCall(db: ReboundDb, callId: number): Promise<void> {
  await db.transaction('rw', [db.calls, db.resets, db.followUps], async () => {
    await db.resets.where('callId').equals(callId).delete();
    await db.followUps.where('callId').equals(callId).delete();
    await db.calls.delete(callId);
  });
}
