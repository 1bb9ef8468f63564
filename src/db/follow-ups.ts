import type { FollowUpRecord, ReboundDb } from './schema';

export async function addFollowUp(db: ReboundDb, followUp: Omit<FollowUpRecord, 'id'>): Promise<FollowUpRecord> {
  const id = await db.followUps.add(followUp as FollowUpRecord);
  return { ...followUp, id };
}

export function followUpById(db: ReboundDb, id: number): Promise<FollowUpRecord | undefined> {
  return db.followUps.get(id);
}

export async function markFollowUpDone(db: ReboundDb, id: number, at: number): Promise<void> {
  await db.followUps.update(id, { doneAt: at });
}

export async function snoozeFollowUp(db: ReboundDb, id: number, until: number): Promise<void> {
  await db.followUps.update(id, { snoozedUntil: until, notifiedAt: undefined });
}

export async function markFollowUpNotified(db: ReboundDb, id: number, at: number): Promise<void> {
  await db.followUps.update(id, { notifiedAt: at });
}

/** When the reminder should show: the snooze, if any, else the agreed time. */
export const remindAt = (followUp: FollowUpRecord): number => followUp.snoozedUntil ?? followUp.dueAt;

/**
 * Open follow-ups due from `since` on (the dueAt index; done ones are dropped as the cursor
 * passes them), soonest first.
 */
export function openFollowUps(db: ReboundDb, since: number, limit?: number): Promise<FollowUpRecord[]> {
  const open = db.followUps
    .where('dueAt')
    .aboveOrEqual(since)
    .filter((followUp) => followUp.doneAt === undefined);
  return (limit === undefined ? open : open.limit(limit)).toArray();
}
