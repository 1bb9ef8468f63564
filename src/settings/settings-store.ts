import { browser } from '../platform/browser';
import { type Settings, settingsFrom } from './settings';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return settingsFrom(stored[KEY]);
}
