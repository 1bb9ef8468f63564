import type { SessionSlot } from '../platform/session-store';

/** How many messages were dropped, by reason: a window on probing pages and on our own bugs. */
export type DroppedCounts = Record<string, number>;

export function droppedMessageCounter(slot: SessionSlot<DroppedCounts>) {
  let queue: Promise<void> = Promise.resolve();
  return (reason: string): void => {
    queue = queue
      .then(async () => {
        const counts = (await slot.read()) ?? {};
        await slot.write({ ...counts, [reason]: (counts[reason] ?? 0) + 1 });
      })
      .catch(() => undefined);
  };
}
