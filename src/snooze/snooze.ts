import { startOfNextDay } from '../time/local-day';

export const SNOOZE_CHOICES = ['30m', '1h', 'today'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** When a snooze picked now ends: "today" lasts until local midnight. */
export function snoozeUntil(choice: SnoozeChoice, now: number): number {
  switch (choice) {
    case '30m':
      return now + 30 * 60 * 1000;
    case '1h':
      return now + 60 * 60 * 1000;
    case 'today':
      return startOfNextDay(now);
  }
}

export function isSnoozed(until: number | undefined, now: number): boolean {
  return until !== undefined && now < until;
}
