import { dropPacksBefore, unpackCallsWithResets } from './packs/unpack';
import type { ReboundDb } from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Deleted {
  calls: number;
  resets: number;
  followUps: number;
  /** The follow-ups removed: their reminders (alarms, notifications) must go too. */
  followUpIds: number[];
}

/**
 * Deletes history older than `days` (0 keeps everything): calls that ended before the cutoff
 * with their resets and follow-ups, resets completed before it, follow-ups due before it.
 */
export async function applyRetention(db: ReboundDb, days: number, now: number): Promise<Deleted> {
  if (days <= 0) return { calls: 0, resets: 0, followUps: 0, followUpIds: [] };
  const cutoff = now - days * DAY_MS;
  return db.transaction('rw', [db.calls, db.resets, db.followUps], async () => {
    const dropped = await dropPacksBefore(cutoff);
    const oldCalls = [...dropped.callIds, ...(await db.calls.where('endedAt').below(cutoff).primaryKeys())];
    const resets =
      (await db.resets.where('callId').anyOf(oldCalls).delete()) +
      (await db.resets.where('completedAt').below(cutoff).delete());
    const followUpIds = [
      ...new Set([
        ...(await db.followUps.where('callId').anyOf(oldCalls).primaryKeys()),
        ...(await db.followUps.where('dueAt').below(cutoff).primaryKeys()),
      ]),
    ];
    await db.followUps.bulkDelete(followUpIds);
    await db.calls.bulkDelete(oldCalls.slice(dropped.callIds.length));
    return { calls: oldCalls.length, resets: resets + dropped.resets, followUps: followUpIds.length, followUpIds };
  });
}

/** Empties every table in one transaction; returns the ids of the follow-ups it removed. */
export async function deleteAllHistory(db: ReboundDb): Promise<number[]> {
  return db.transaction('rw', [db.calls, db.resets, db.followUps, db.callPacks, db.resetPacks], async () => {
    const followUpIds = await db.followUps.toCollection().primaryKeys();
    // Packs first: clearing the rows rebuilds every day, which must find no packed rows left.
    await Promise.all([db.callPacks.clear(), db.resetPacks.clear()]);
    await Promise.all([db.calls.clear(), db.resets.clear(), db.followUps.clear()]);
    return followUpIds;
  });
}

/** Deletes one call with its resets and follow-ups; returns the ids of the follow-ups removed. */
export async function deleteCall(db: ReboundDb, callId: number): Promise<number[]> {
  return db.transaction('rw', [db.calls, db.resets, db.followUps], async () => {
    await unpackCallsWithResets([callId]);
    const followUpIds = await db.followUps.where('callId').equals(callId).primaryKeys();
    await db.resets.where('callId').equals(callId).delete();
    await db.followUps.bulkDelete(followUpIds);
    await db.calls.delete(callId);
    return followUpIds;
  });
}
