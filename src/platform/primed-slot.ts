import type { SessionSlot } from './session-store';

/**
 * Reads several keys of one storage area in a single call, started at once: a page that needs
 * five slots on open makes one round trip to the browser, not five one after another.
 */
export function readAtOnce(
  area: { get(keys: string[]): Promise<Record<string, unknown>> },
  keys: readonly string[],
): Promise<Record<string, unknown>> {
  const read = area.get([...keys]);
  // A failed read is retried by each slot's own read, not thrown here where nobody waits yet.
  read.catch(() => undefined);
  return read;
}

/**
 * A slot whose first read is answered by a read already under way (see readAtOnce); every later
 * read asks storage again, and a write or clear made first drops the early answer, which it
 * would contradict. A failed early read falls back to the slot's own read.
 */
export function primedSlot<T>(
  slot: SessionSlot<T>,
  key: string,
  early: Promise<Record<string, unknown>>,
): SessionSlot<T> {
  let first: Promise<T | undefined> | undefined = early.then(
    (stored) => stored[key] as T | undefined,
    () => slot.read(),
  );
  return {
    read() {
      const answer = first ?? slot.read();
      first = undefined;
      return answer;
    },
    write(value) {
      first = undefined;
      return slot.write(value);
    },
    clear() {
      first = undefined;
      return slot.clear();
    },
  };
}
