import type { FollowUpRecord } from '../db/schema';
import { t } from '../platform/i18n';
import { icsCalendar } from './ics';

export function followUpIcs(followUp: FollowUpRecord, stamp: number): string {
  return icsCalendar({
    uid: `follow-up-${followUp.id}-${followUp.dueAt}@rebound.invalid`,
    stamp,
    start: followUp.dueAt,
    durationMinutes: 15,
    summary: t('icsSummary', followUp.who),
    description: followUp.note,
  });
}

/** Saves the follow-up as an .ics file through the page's own download (no permission needed). */
export function downloadFollowUpIcs(followUp: FollowUpRecord, stamp: number): void {
  const url = URL.createObjectURL(new Blob([followUpIcs(followUp, stamp)], { type: 'text/calendar' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `rebound-follow-up-${followUp.id}.ics`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
