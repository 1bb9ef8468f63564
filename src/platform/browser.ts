/**
 * The one door to the WebExtension APIs. Everything else imports `browser` from here, so unit
 * tests swap a single module (see vitest.config.ts) and logic never reaches for globals.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export { browser };
