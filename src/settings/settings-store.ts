import { browser } from '../platform/browser';
import { type Settings, settingsFrom } from './settings';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return settingsFrom(stored[KEY]);
}

/** Validates before writing: what is stored always reads back as the same settings. */
export async function saveSettings(settings: Settings): Promise<Settings> {
  const valid = settingsFrom(settings);
  await browser.storage.local.set({ [KEY]: valid });
  return valid;
}
