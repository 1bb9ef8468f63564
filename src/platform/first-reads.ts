import type { SessionSlot } from './session-store';

/** The part of a storage area a first read needs. */
export interface ReadableArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
}

/** Where storage changes are heard: `browser.storage.onChanged`. */
export interface StorageChanges {
  addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
}

/**
 * One read of every key a worker's first answer needs from one storage area, started with the
 * worker, in place of a round trip per key on the way to that answer. Its answer for a key
 * stands until the key changes: a change heard from storage, or a write this worker makes
 * through a slot (marked before it is sent, so no read after it gets the old value).
 */
export interface FirstReads {
  /** The values read at the start, or undefined when one of `keys` changed since (read again). */
  read(keys: readonly string[]): Promise<Record<string, unknown>> | undefined;
  /** This worker is about to write `key`. */
  changed(key: string): void;
}

export function firstReads(
  area: ReadableArea,
  areaName: 'local' | 'session',
  keys: readonly string[],
  changes: StorageChanges,
): FirstReads {
  const early = area.get([...keys]);
  // A failed read is retried by each reader's own read, not thrown here where nobody waits yet.
  early.catch(() => undefined);
  const changed = new Set<string>();
  changes.addListener((stored, name) => {
    if (name !== areaName) return;
    for (const key of Object.keys(stored)) changed.add(key);
  });
  return {
    read(wanted) {
      if (wanted.some((key) => changed.has(key) || !keys.includes(key))) return undefined;
      return early;
    },
    changed(key) {
      changed.add(key);
    },
  };
}

/** A slot whose reads are answered by the first read while its key has not changed. */
export function firstReadSlot<T>(slot: SessionSlot<T>, key: string, reads: FirstReads): SessionSlot<T> {
  return {
    read() {
      const early = reads.read([key]);
      if (!early) return slot.read();
      return early.then(
        (stored) => stored[key] as T | undefined,
        () => slot.read(),
      );
    },
    write(value) {
      reads.changed(key);
      return slot.write(value);
    },
    clear() {
      reads.changed(key);
      return slot.clear();
    },
  };
}

/**
 * A reader of several keys (storage.local.get's shape) answered by the first read while none of
 * them has changed: settings and the policy's last copy are read this way.
 */
export function readThroughFirst(
  area: ReadableArea,
  reads: FirstReads,
): (keys: string[]) => Promise<Record<string, unknown>> {
  return (keys) => {
    const early = reads.read(keys);
    if (!early) return area.get(keys);
    return early.then(
      (stored) => Object.fromEntries(keys.filter((key) => key in stored).map((key) => [key, stored[key]])),
      () => area.get(keys),
    );
  };
}
