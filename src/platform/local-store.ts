import { browser } from './browser';
import type { SessionSlot } from './session-store';

/**
 * A typed slot in storage.local: the same shape as a session slot, but it survives a browser
 * quit, a crash and an update, for the little that must outlive the session.
 */
export function localSlot<T>(key: string): SessionSlot<T> {
  return {
    async read() {
      const stored = await browser.storage.local.get(key);
      return stored[key] as T | undefined;
    },
    write: (value) => browser.storage.local.set({ [key]: value }),
    clear: () => browser.storage.local.remove(key),
  };
}

/** Calls `listener` whenever `key` changes in storage.local; returns the unsubscribe. */
export function watchLocalKey(key: string, listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && key in changes) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
