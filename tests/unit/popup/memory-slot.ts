import type { SessionSlot } from '../../../src/platform/session-store';

/** A SessionSlot held in memory, with what was written to it. */
export function memorySlot<T>(initial?: T): SessionSlot<T> & { value: T | undefined; writes: T[] } {
  const slot = {
    value: initial,
    writes: [] as T[],
    read: async () => slot.value,
    write: async (value: T) => {
      slot.value = structuredClone(value);
      slot.writes.push(slot.value);
    },
    clear: async () => {
      slot.value = undefined;
    },
  };
  return slot;
}
