import { addToTrails, type DetectorTrails, type TrailEvent } from '../calls/detector-trail';
import type { SessionSlot } from '../platform/session-store';

export interface TrailRecorder {
  record(event: TrailEvent): void;
  /** Resolves once everything recorded so far is stored. */
  settled(): Promise<void>;
}

/**
 * Keeps the detector trail in storage.session. Events that arrive while a write is under way go
 * in with the next one: a page flooding messages costs one storage round trip at a time.
 */
export function trailRecorder(slot: SessionSlot<DetectorTrails>, now: () => number): TrailRecorder {
  let pending: TrailEvent[] = [];
  let writing: Promise<void> | undefined;

  const flush = async (): Promise<void> => {
    while (pending.length > 0) {
      const events = pending;
      pending = [];
      await slot.write(addToTrails((await slot.read()) ?? {}, events, now()));
    }
  };

  return {
    record(event) {
      pending.push(event);
      writing ??= flush()
        .catch(() => undefined)
        .finally(() => {
          writing = undefined;
        });
    },
    settled: () => writing ?? Promise.resolve(),
  };
}
