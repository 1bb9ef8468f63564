import { browser } from './browser';

/** A typed slot in storage.session: survives service-worker restarts, not browser restarts. */
export interface SessionSlot<T> {
  read(): Promise<T | undefined>;
  write(value: T): Promise<void>;
  clear(): Promise<void>;
}

export function sessionSlot<T>(key: string): SessionSlot<T> {
  return {
    async read() {
      const stored = await browser.storage.session.get(key);
      return stored[key] as T | undefined;
    },
    write: (value) => browser.storage.session.set({ [key]: value }),
    clear: () => browser.storage.session.remove(key),
  };
}

/** Calls `listener` whenever `key` changes in storage.session; returns the unsubscribe. */
export function watchSessionKey(key: string, listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && key in changes) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
