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

/** Calls `listener` with the settings whenever they change in storage; returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(settingsFrom(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
