import { uiLanguage } from '../platform/i18n';

/** Counts, shares and averages as the rep reads them, in the UI language. */
export const formatPercent = (share: number, locale = uiLanguage()) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

export const formatSigned = (value: number, locale = uiLanguage()) =>
  new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(value);

export const formatCount = (value: number, locale = uiLanguage()) => new Intl.NumberFormat(locale).format(value);
