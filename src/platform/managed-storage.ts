import { browser } from './browser';

/**
 * What an organization's policy sets for Rebound (storage.managed): Chrome reads it from the
 * policy's "3rdparty" part, checked against managed-schema.json; Firefox from policies.json.
 * Empty when no policy names Rebound (Firefox rejects the read then; so may a browser without
 * managed storage).
 */
export async function readManagedStorage(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed.get()) ?? {};
  } catch {
    return {};
  }
}

/** Calls `listener` when the organization's policy changes while Rebound runs; returns the unsubscribe. */
export function watchManagedStorage(listener: () => void): () => void {
  const onChanged = (_changes: Record<string, unknown>, area: string) => {
    if (area === 'managed') listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
