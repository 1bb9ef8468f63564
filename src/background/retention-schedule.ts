import type { Alarms, Storage } from 'webextension-polyfill';
import { applyRetention, type Deleted } from '../db/deletion';
import type { ReboundDb } from '../db/schema';
import type { Settings } from '../settings/settings';

export const RETENTION_ALARM = 'retention';
const DAY_MINUTES = 24 * 60;

export interface RetentionDeps {
  db: ReboundDb;
  loadSettings(): Promise<Settings>;
  alarms: Pick<Alarms.Static, 'get' | 'create'>;
  now(): number;
  /** After a deletion: the badge counts what is left. */
  onDeleted(): Promise<void>;
  /** Clears the alarms and notifications of deleted follow-ups. */
  forgetReminders(followUpIds: readonly number[]): Promise<void>;
}

/**
 * Keeps the rep's retention setting true: a daily alarm deletes history older than it, and so
 * does a change of the setting, at once.
 */
export function createRetentionSchedule(deps: RetentionDeps) {
  const enforce = async (): Promise<Deleted> => {
    const settings = await deps.loadSettings();
    const deleted = await applyRetention(deps.db, settings.retentionDays, deps.now());
    if (deleted.followUpIds.length > 0) await deps.forgetReminders(deleted.followUpIds);
    if (deleted.calls + deleted.resets + deleted.followUps > 0) await deps.onDeleted();
    return deleted;
  };

  return {
    enforce,

    /** Creates the daily alarm unless it exists (alarms can be lost on a browser update). */
    async schedule(): Promise<void> {
      if (await deps.alarms.get(RETENTION_ALARM)) return;
      await deps.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: DAY_MINUTES });
    },

    async onAlarm(alarm: Alarms.Alarm): Promise<void> {
      if (alarm.name === RETENTION_ALARM) await enforce();
    },

    async onStorageChanged(changes: Record<string, Storage.StorageChange>, area: string): Promise<void> {
      const change = changes.settings;
      if (area !== 'local' || !change) return;
      const days = (value: unknown) => (value as Partial<Settings> | undefined)?.retentionDays;
      if (days(change.newValue) !== days(change.oldValue)) await enforce();
    },
  };
}
