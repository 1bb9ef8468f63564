/**
 * Languages whose numbers are written in the digits 0–9 in every region (CLDR's default numbering
 * system is `latn` for all of them): Rebound's own five locales. A tag that picks its numbering
 * system (`-u-nu-…`) is left to Intl.
 */
const LATIN_DIGIT_LANGUAGES = new Set(['en', 'es', 'de', 'fr', 'pt']);

/**
 * Whether `locale` writes plain numbers (no grouping) as JavaScript's own digits, so a call length
 * needs no Intl formatter. The first Intl formatter built in a page costs 15–30 ms (the toast's
 * world on a fresh page paid it on the way to the nudge); String() costs nothing.
 */
export function writesLatinDigits(locale: string): boolean {
  const tag = locale.toLowerCase();
  if (tag.includes('-u-')) return false;
  return LATIN_DIGIT_LANGUAGES.has(tag.split(/[-_]/)[0] ?? '');
}
