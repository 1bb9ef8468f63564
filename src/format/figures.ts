import { uiLanguage } from '../platform/i18n';
import { perLocale } from './per-locale';

const percent = perLocale((locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));
const signed = perLocale(
  (locale) => new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 1 }),
);
const count = perLocale((locale) => new Intl.NumberFormat(locale));

/** Counts, shares and averages as the rep reads them, in the UI language. */
export const formatPercent = (share: number, locale = uiLanguage()) => percent(locale).format(share);
export const formatSigned = (value: number, locale = uiLanguage()) => signed(locale).format(value);
export const formatCount = (value: number, locale = uiLanguage()) => count(locale).format(value);
