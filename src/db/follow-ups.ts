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

export interface FollowUpGroups {
  overdue: FollowUpRecord[];
  due: FollowUpRecord[];
  /** Newest first, the latest MAX_DONE. */
  done: FollowUpRecord[];
}

const MAX_DONE = 200;

/** Open follow-ups by due date (past due first), and the most recently done. */
export async function followUpGroups(db: ReboundDb, now: number): Promise<FollowUpGroups> {
  return db.transaction('r', db.followUps, async () => {
    const open = await db.followUps
      .orderBy('dueAt')
      .filter((followUp) => followUp.doneAt === undefined)
      .toArray();
    const done = await db.followUps.where('doneAt').above(0).reverse().limit(MAX_DONE).toArray();
    return {
      overdue: open.filter((followUp) => followUp.dueAt < now),
      due: open.filter((followUp) => followUp.dueAt >= now),
      done,
    };
  });
}

/** Marks a follow-up done at `at`, or open again with undefined. */
export async function setFollowUpDone(db: ReboundDb, id: number, at: number | undefined): Promise<void> {
  await db.followUps.update(id, { doneAt: at });
}

/** Open follow-ups due in [from, to), soonest first (the debrief's "coming up"). */
export function openFollowUpsDueBetween(db: ReboundDb, from: number, to: number): Promise<FollowUpRecord[]> {
  return db.followUps
    .where('dueAt')
    .between(from, to)
    .filter((followUp) => followUp.doneAt === undefined)
    .toArray();
}
