import type messages from '../../public/_locales/en/messages.json';
import { browser } from './browser';

export type MessageKey = keyof typeof messages;

/** The UI's words, from public/_locales. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

/**
 * The browser's UI language ("de", "pt-BR"…): the locale the words come in, so numbers, dates
 * and lengths follow it too rather than the page's or the system's.
 */
export const uiLanguage = () => browser.i18n.getUILanguage();
