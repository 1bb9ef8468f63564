import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const LOCALES_DIR = path.join(import.meta.dirname, '../../public/_locales');
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8'));
const english = read('en');
const others = readdirSync(LOCALES_DIR).filter((locale) => locale !== 'en');

/** Placeholder names a message uses, e.g. "$DIALER$ · $LENGTH$" → ['dialer', 'length']. */
const placeholdersIn = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => (match[1] ?? '').toLowerCase()).sort();

describe('locales', () => {
  it('include Spanish', () => {
    expect(others).toContain('es');
  });

  it('declare every placeholder the English messages use', () => {
    for (const [key, entry] of Object.entries(english)) {
      for (const name of placeholdersIn(entry.message)) {
        expect(entry.placeholders?.[name], `${key} uses $${name}$`).toBeDefined();
      }
    }
  });

  it.each(others)('%s has every English key, no extra ones, and the same placeholders', (locale) => {
    const messages = read(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(english)) {
      const translated = messages[key];
      expect(translated?.message.trim(), `${locale}:${key}`).not.toBe('');
      expect(placeholdersIn(translated?.message ?? ''), `${locale}:${key}`).toEqual(placeholdersIn(entry.message));
    }
  });
});
