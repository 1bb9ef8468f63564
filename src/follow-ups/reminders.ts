import {
  followUpById,
  markFollowUpDone,
  markFollowUpNotified,
  openFollowUps,
  remindAt,
  snoozeFollowUp,
} from '../db/follow-ups';
import type { FollowUpRecord, ReboundDb } from '../db/schema';

const PREFIX = 'follow-up:';
export const SNOOZE_MS = 60 * 60 * 1000;
/** Open follow-ups further back than this are not brought back on start-up. */
const RESTORE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** Alarm and notification ids are the same: `follow-up:<id>`. */
export const reminderId = (followUpId: number): string => `${PREFIX}${followUpId}`;

export function followUpIdOf(reminder: string): number | undefined {
  if (!reminder.startsWith(PREFIX)) return undefined;
  const id = Number(reminder.slice(PREFIX.length));
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export interface ReminderNotification {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  buttons?: { title: string }[];
  requireInteraction?: boolean;
}

export interface ReminderDeps {
  db: ReboundDb;
  alarms: {
    create(name: string, info: { when: number }): unknown;
    clear(name: string): Promise<unknown>;
  };
  notifications: {
    create(id: string, options: ReminderNotification): Promise<unknown>;
    clear(id: string): Promise<unknown>;
  };
  /** The notification's words and icon; buttons only where the browser supports them (not Firefox). */
  notificationFor(followUp: FollowUpRecord): ReminderNotification;
  /** Opens the popup on this follow-up. */
  openFollowUp(id: number): Promise<void>;
  /** After a follow-up is done or snoozed: the popup's snapshot of home is stored again. */
  onChanged?(): Promise<unknown>;
  now(): number;
}

/** Follow-up reminders: an alarm at the due time, a notification when it fires, done and snooze. */
export function createReminders(deps: ReminderDeps) {
  const schedule = async (followUp: FollowUpRecord): Promise<void> => {
    if (followUp.doneAt !== undefined) return;
    await deps.alarms.create(reminderId(followUp.id), { when: Math.max(remindAt(followUp), deps.now()) });
  };

  const clear = async (id: number): Promise<void> => {
    await deps.alarms.clear(reminderId(id));
    await deps.notifications.clear(reminderId(id));
  };

  const done = async (id: number): Promise<void> => {
    await markFollowUpDone(deps.db, id, deps.now());
    void deps.onChanged?.().catch(() => undefined);
    await clear(id);
  };

  const snooze = async (id: number, forMs = SNOOZE_MS): Promise<void> => {
    await snoozeFollowUp(deps.db, id, deps.now() + forMs);
    void deps.onChanged?.().catch(() => undefined);
    await deps.notifications.clear(reminderId(id));
    const followUp = await followUpById(deps.db, id);
    if (followUp) await schedule(followUp);
  };

  return {
    schedule,
    done,
    snooze,

    /** Follow-ups deleted with their call or the history: their alarms and notifications go. */
    async forget(ids: readonly number[]): Promise<void> {
      await Promise.all(ids.map(clear));
    },

    /** The alarm fired: show the notification, unless the follow-up was done or removed since. */
    async onAlarm(name: string): Promise<void> {
      const id = followUpIdOf(name);
      if (id === undefined) return;
      const followUp = await followUpById(deps.db, id);
      if (!followUp || followUp.doneAt !== undefined) return;
      await deps.notifications.create(reminderId(id), deps.notificationFor(followUp));
      await markFollowUpNotified(deps.db, id, deps.now());
    },

    async onNotificationClicked(notificationId: string): Promise<void> {
      const id = followUpIdOf(notificationId);
      if (id === undefined) return;
      await deps.notifications.clear(notificationId);
      await deps.openFollowUp(id);
    },

    /** Button 0 is Done, button 1 Snooze (see notificationFor). */
    async onButtonClicked(notificationId: string, buttonIndex: number): Promise<void> {
      const id = followUpIdOf(notificationId);
      if (id === undefined) return;
      if (buttonIndex === 0) await done(id);
      else if (buttonIndex === 1) await snooze(id);
    },

    /**
     * Alarms do not outlive the browser: re-creates one per open follow-up. A reminder that
     * already showed is not shown again; one missed while the browser was closed shows now.
     */
    async restore(): Promise<number> {
      const open = await openFollowUps(deps.db, deps.now() - RESTORE_WINDOW_MS);
      const pending = open.filter((followUp) => followUp.notifiedAt === undefined);
      for (const followUp of pending) await schedule(followUp);
      return pending.length;
    },
  };
}

export type Reminders = ReturnType<typeof createReminders>;
