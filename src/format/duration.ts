import { uiLanguage } from '../platform/i18n';
import { writesLatinDigits } from './latin-digits';
import { perLocale } from './per-locale';

type Digits = (value: number) => string;

const plainIntl = perLocale((locale) => new Intl.NumberFormat(locale, { useGrouping: false }));
const twoDigitsIntl = perLocale(
  (locale) => new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false }),
);
const plainLatin: Digits = (value) => String(value);
const twoDigitsLatin: Digits = (value) => String(value).padStart(2, '0');

/**
 * "4:05" for a call length; "1:02:09" past an hour, with the UI language's digits.
 * (Intl.DurationFormat would do this, but Chrome has it only from 129; we support 121.)
 */
export function formatDuration(ms: number, locale = uiLanguage()): string {
  const latin = writesLatinDigits(locale);
  const plain: Digits = latin ? plainLatin : (value) => plainIntl(locale).format(value);
  const twoDigits: Digits = latin ? twoDigitsLatin : (value) => twoDigitsIntl(locale).format(value);
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = twoDigits(total % 60);
  return hours > 0 ? `${plain(hours)}:${twoDigits(minutes)}:${seconds}` : `${plain(minutes)}:${seconds}`;
}
