import { describe, expect, it } from 'vitest';
import { placeholdersIn, readLocale, TRANSLATED_LOCALES } from '../locales/read-locales';
import { SAME_AS_ENGLISH } from '../locales/same-as-english';

const english = readLocale('en');

describe('locales', () => {
  it('are Spanish, German, French and Brazilian Portuguese besides English', () => {
    expect(TRANSLATED_LOCALES).toEqual(['de', 'es', 'fr', 'pt_BR']);
  });

  it('declare every placeholder the English messages use', () => {
    for (const [key, entry] of Object.entries(english)) {
      for (const name of placeholdersIn(entry.message)) {
        expect(entry.placeholders?.[name], `${key} uses $${name}$`).toBeDefined();
      }
    }
  });

  describe.each(TRANSLATED_LOCALES)('%s', (locale) => {
    const messages = readLocale(locale);

    it("has exactly English's keys", () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    });

    it('uses the same placeholders, declared the same way, in every message', () => {
      for (const [key, entry] of Object.entries(english)) {
        const translated = messages[key];
        expect(translated?.message.trim(), `${locale}:${key}`).not.toBe('');
        expect(placeholdersIn(translated?.message ?? ''), `${locale}:${key}`).toEqual(placeholdersIn(entry.message));
        expect(translated?.placeholders, `${locale}:${key} placeholders`).toEqual(entry.placeholders);
      }
    });

    it("fits the stores' limits for the name (75) and description (132) the manifest takes from it", () => {
      expect(messages.extName?.message.length).toBeLessThanOrEqual(75);
      expect(messages.extDescription?.message.length).toBeLessThanOrEqual(132);
    });

    it('differs from English everywhere except the listed identical strings, each with a reason', () => {
      const allowed = SAME_AS_ENGLISH[locale];
      expect(allowed, `${locale} needs its list in tests/locales/same-as-english.ts`).toBeDefined();
      const identical = Object.keys(english).filter((key) => messages[key]?.message === english[key]?.message);
      expect(identical.sort()).toEqual(Object.keys(allowed ?? {}).sort());
    });
  });
});
