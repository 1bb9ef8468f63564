import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDuration } from '../../../src/format/duration';
import { writesLatinDigits } from '../../../src/format/latin-digits';

const LENGTHS_MS = [0, 999, 5_000, 59_000, 245_000, 600_000, 3_599_000, 3_729_000, 36_000_000, 1_000 * 3600 * 1234];

/** What Intl writes for a call length: the reference the Latin-digit path must match. */
function byIntl(ms: number, locale: string): string {
  const plain = new Intl.NumberFormat(locale, { useGrouping: false });
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = two.format(total % 60);
  return hours > 0 ? `${plain.format(hours)}:${two.format(minutes)}:${seconds}` : `${plain.format(minutes)}:${seconds}`;
}

describe('call lengths without an Intl formatter', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    'en',
    'en-US',
    'en-GB',
    'en-IN',
    'es',
    'es-419',
    'es-MX',
    'de',
    'de-AT',
    'de-CH',
    'fr',
    'fr-CA',
    'fr-CH',
    'pt',
    'pt-BR',
    'pt-PT',
  ])('%s: written exactly as Intl writes them', (locale) => {
    expect(writesLatinDigits(locale)).toBe(true);
    for (const ms of LENGTHS_MS) expect(formatDuration(ms, locale)).toBe(byIntl(ms, locale));
  });

  it('builds no Intl formatter for a Latin-digit language (the toast shows sooner on a fresh page)', () => {
    const built = vi.spyOn(Intl, 'NumberFormat');
    expect(formatDuration(3_729_000, 'pt-BR')).toBe('1:02:09');
    expect(formatDuration(245_000, 'de')).toBe('4:05');
    expect(built).not.toHaveBeenCalled();
  });

  it.each(['ar-EG', 'fa', 'bn', 'en-u-nu-arab'])('%s: left to Intl, in its own digits', (locale) => {
    expect(writesLatinDigits(locale)).toBe(false);
    for (const ms of LENGTHS_MS) expect(formatDuration(ms, locale)).toBe(byIntl(ms, locale));
  });

  it('reads Chrome-style and underscore tags, any case', () => {
    expect(writesLatinDigits('PT_br')).toBe(true);
    expect(writesLatinDigits('english')).toBe(false);
    expect(writesLatinDigits('')).toBe(false);
  });
});
