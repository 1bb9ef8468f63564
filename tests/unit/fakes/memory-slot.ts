import type { SessionSlot } from '../../../src/platform/session-store';

/** An in-memory storage slot; share one between two flows to play a worker restart. */
export function memorySlot<T>(initial?: T): SessionSlot<T> & { value: T | undefined } {
  const slot = {
    value: initial as T | undefined,
    async read() {
      return slot.value === undefined ? undefined : structuredClone(slot.value);
    },
    async write(value: T) {
      slot.value = structuredClone(value);
    },
    async clear() {
      slot.value = undefined;
    },
  };
  return slot;
}
