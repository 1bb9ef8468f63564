import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type LocaleMessages = Record<string, LocaleMessage>;

const LOCALES_DIR = path.join(import.meta.dirname, '../../public/_locales');

/** Every locale folder but English, the source every other locale translates. */
export const TRANSLATED_LOCALES = readdirSync(LOCALES_DIR)
  .filter((locale) => locale !== 'en')
  .sort();

export const readLocale = (locale: string): LocaleMessages =>
  JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8'));

/** Placeholder names a message uses, e.g. "$DIALER$ · $LENGTH$" → ['dialer', 'length']. */
export const placeholdersIn = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => (match[1] ?? '').toLowerCase()).sort();
