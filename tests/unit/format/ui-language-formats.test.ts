import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { causeLabel, tagLabel } from '../../../src/format/answer-labels';
import {
  formatDateTime,
  formatTime,
  formatTimeToTheSecond,
  hourLabels,
  weekdayNames,
} from '../../../src/format/date-time';
import { formatDuration } from '../../../src/format/duration';
import { formatCount, formatPercent, formatSigned } from '../../../src/format/figures';
import { perLocale } from '../../../src/format/per-locale';
import { browser } from '../../../src/platform/browser';

// Intl puts (narrow) no-break spaces where French and English times want them.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const afternoon = new Date(2026, 10, 30, 14, 5).getTime();

describe('formats in the UI language', () => {
  afterEach(() => vi.restoreAllMocks());

  it('follow the browser UI language, not the system locale', () => {
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('de');
    expect(formatCount(1234.5)).toBe('1.234,5');
    expect(formatTime(afternoon)).toBe('14:05');
    expect(formatTimeToTheSecond(afternoon + 9000)).toBe('14:05:09');
    expect(formatDateTime(afternoon)).toBe('30.11.2026, 14:05');
    expect(weekdayNames()[1]).toMatch(/^Mo/);
  });

  it.each([
    ['de', '30.11.2026, 14:05', '1.234', '25 %', '+0,5'],
    ['fr', '30 nov. 2026, 14:05', '1 234', '25 %', '+0,5'],
    ['pt-BR', '30 de nov. de 2026, 14:05', '1.234', '25%', '+0,5'],
    ['es', '30 nov 2026, 14:05', '1234', '25 %', '+0,5'],
    ['en', 'Nov 30, 2026, 2:05 PM', '1,234', '25%', '+0.5'],
  ])('%s: dates, counts, shares and changes', (locale, dateTime, count, percent, signed) => {
    expect(plain(formatDateTime(afternoon, locale))).toBe(dateTime);
    expect(plain(formatCount(1234, locale))).toBe(count);
    expect(plain(formatPercent(0.25, locale))).toBe(percent);
    expect(formatSigned(0.5, locale)).toBe(signed);
  });

  it('writes call lengths as m:ss, and h:mm:ss past an hour, without grouping', () => {
    expect(formatDuration(245_000, 'de')).toBe('4:05');
    expect(formatDuration(3_729_000, 'fr')).toBe('1:02:09');
    expect(formatDuration(-5, 'en')).toBe('0:00');
    expect(formatDuration(1_000 * 3600 * 1234, 'en')).toBe('1234:00:00');
  });

  it('builds one formatter per locale and reuses it', () => {
    const make = vi.fn((locale: string) => new Intl.NumberFormat(locale));
    const count = perLocale(make);
    expect(count('de')).toBe(count('de'));
    expect(count('fr')).not.toBe(count('de'));
    expect(make).toHaveBeenCalledTimes(2);
  });

  it('labels the hours of the day 00 to 23', () => {
    expect(hourLabels('pt-BR')).toEqual(Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0')));
  });

  it('names stored tags and causes in the UI language, unknown ones as they are', () => {
    expect(tagLabel('angry-customer')).toBe('Angry customer');
    expect(causeLabel('something-i-said')).toBe('Something I said');
    expect(tagLabel('from-an-old-import')).toBe('from-an-old-import');
  });
});

describe('the UI code', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? files(file) : /\.tsx?$/.test(name) ? [file] : [];
    });

  it('formats no number, date or time in a locale other than the UI language', () => {
    const offenders: string[] = [];
    for (const file of files(path.join(import.meta.dirname, '../../../src'))) {
      const source = readFileSync(file, 'utf8');
      // toLocale…() and Intl with no locale or [] use the system's locale, not the UI language.
      for (const match of source.matchAll(/\.toLocale\w*\(|new Intl\.\w+\((undefined|\[\]|\))/g)) {
        offenders.push(`${path.relative(process.cwd(), file)}: ${match[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
