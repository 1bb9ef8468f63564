/**
 * Finds English a translated page still shows: a missing message, a string built in code, a
 * message the code never passed through i18n. Strings the locale writes as English does are
 * exempt only when tests/locales/same-as-english.ts lists them with a reason.
 */
import type { Page } from 'playwright-core';
import { SCRIPT_ANSWER_MS, within } from '../../scripts/driver/within';
import { readLocale } from '../locales/read-locales';
import { SAME_AS_ENGLISH } from '../locales/same-as-english';

/** Everything a reader or a screen reader gets from the page: text and accessible attributes. */
export function shownTexts(page: Page): Promise<string[]> {
  const shown = page.evaluate(() => {
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest('script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
    const attributes = ['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt'];
    for (const element of document.body.querySelectorAll('*')) {
      for (const name of attributes) texts.push(element.getAttribute(name) ?? '');
    }
    return texts.map((text) => text.trim()).filter((text) => text !== '');
  });
  return within(SCRIPT_ANSWER_MS, "the page's shown texts", shown);
}

/**
 * English fragments (the parts of a message between its placeholders) found in `texts`: as a
 * whole text, or, for a phrase of a few words, anywhere in it. Short words only count whole,
 * so "Dialer" in a German sentence or "min" in "30 min" is not taken for English by accident.
 */
export function englishIn(texts: readonly string[], locale: string): string[] {
  const english = readLocale('en');
  const allowed = SAME_AS_ENGLISH[locale] ?? {};
  const whole = new Set(texts);
  const all = texts.join('\n');
  // A string the locale rightly writes as English does (a brand such as the CRM "Close") is not
  // English left over when another message happens to say the same word.
  const rightlySame = new Set(Object.keys(allowed).map((key) => english[key]?.message));
  const found: string[] = [];
  for (const [key, { message }] of Object.entries(english)) {
    if (key in allowed) continue;
    for (const fragment of message.split(/\$[A-Za-z0-9_]+\$/).map((part) => part.trim())) {
      if (!/\p{L}{2}/u.test(fragment) || rightlySame.has(fragment)) continue;
      const phrase = fragment.includes(' ') && fragment.length >= 10;
      if (whole.has(fragment) || (phrase && all.includes(fragment))) found.push(`${key}: "${fragment}"`);
    }
  }
  return found;
}

/** Message keys printed instead of their text (camelCase or dialer_ keys, as whole words). */
export function rawKeysIn(texts: readonly string[]): string[] {
  const keys = Object.keys(readLocale('en')).filter((key) => /[A-Z_]/.test(key));
  const all = texts.join('\n');
  return keys.filter((key) => new RegExp(`\\b${key}\\b`).test(all));
}
