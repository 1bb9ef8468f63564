import { uiLanguage } from '../platform/i18n';
import { perLocale } from './per-locale';

const plain = perLocale((locale) => new Intl.NumberFormat(locale, { useGrouping: false }));
const twoDigits = perLocale((locale) => new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false }));

/**
 * "4:05" for a call length; "1:02:09" past an hour, with the UI language's digits.
 * (Intl.DurationFormat would do this, but Chrome has it only from 129; we support 121.)
 */
export function formatDuration(ms: number, locale = uiLanguage()): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = twoDigits(locale).format(total % 60);
  return hours > 0
    ? `${plain(locale).format(hours)}:${twoDigits(locale).format(minutes)}:${seconds}`
    : `${plain(locale).format(minutes)}:${seconds}`;
}
