import { uiLanguage } from '../platform/i18n';
import { perLocale } from './per-locale';

const dateTime = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
const time = perLocale((locale) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }));
const timeToTheSecond = perLocale((locale) => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }));

/** A date and time in the UI language, in the rep's own time zone: "30 Nov 2026, 14:05". */
export const formatDateTime = (ms: number, locale = uiLanguage()) => dateTime(locale).format(ms);

/** A time of day in the UI language: "2:05 PM", "14:05". */
export const formatTime = (ms: number, locale = uiLanguage()) => time(locale).format(ms);

/** A time of day with its seconds, for what happened within a few minutes: "14:05:09". */
export const formatTimeToTheSecond = (ms: number, locale = uiLanguage()) => timeToTheSecond(locale).format(ms);

/** `YYYY-MM-DD` of an `<input type="date">` → local midnight (ms), or undefined when empty. */
export function localDayStart(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

/** The last millisecond of that local day. */
export function localDayEnd(value: string): number | undefined {
  const start = localDayStart(value);
  if (start === undefined) return undefined;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.getTime() - 1;
}

/** Weekday names, Sunday first (as Date#getDay), in the UI language. */
export function weekdayNames(locale = uiLanguage()): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  // 4 Jan 1970 was a Sunday.
  return Array.from({ length: 7 }, (_, day) => format.format(Date.UTC(1970, 0, 4 + day)));
}

/** The 24 hours of a day as chart labels, "00" to "23", in the UI language's digits. */
export function hourLabels(locale = uiLanguage()): string[] {
  const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2 });
  return Array.from({ length: 24 }, (_, hour) => twoDigits.format(hour));
}
