import type { FollowUpRecord, ReboundDb } from '../db/schema';
import { formatDateTime } from '../format/date-time';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { createReminders, type ReminderNotification } from './reminders';

/** Firefox's notifications take no buttons (creating one with buttons fails there). */
const supportsButtons = (): boolean => browser.runtime.getURL('').startsWith('chrome-extension:');

function notificationFor(followUp: FollowUpRecord): ReminderNotification {
  const when = formatDateTime(followUp.dueAt);
  return {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: t('followUpNotificationTitle', followUp.who),
    message: followUp.note ? `${followUp.note}\n${when}` : when,
    ...(supportsButtons()
      ? { buttons: [{ title: t('followUpDone') }, { title: t('followUpSnooze') }], requireInteraction: true }
      : {}),
  };
}

/** The reminders over the real alarms and notifications APIs. */
export function browserReminders(
  db: ReboundDb,
  openFollowUp: (id: number) => Promise<void> = async () => undefined,
  onChanged?: () => Promise<unknown>,
) {
  return createReminders({
    db,
    alarms: browser.alarms,
    notifications: browser.notifications,
    notificationFor,
    openFollowUp,
    onChanged,
    now: Date.now,
  });
}
