import { addToTrails, type DetectorTrails, type TrailEvent } from '../calls/detector-trail';
import type { SessionSlot } from '../platform/session-store';

/**
 * The trail waits this long before it is written: its write then never stands in the storage
 * queue between a call's end and its toast, and a burst of events costs one write.
 */
export const TRAIL_WRITE_DELAY_MS = 500;

export interface TrailRecorder {
  record(event: TrailEvent): void;
  /** Resolves once everything recorded so far is stored. */
  settled(): Promise<void>;
}

/**
 * Keeps the detector trail in storage.session. Events are collected for a moment and written
 * together; those that arrive during a write go in with the next one. A worker stopped inside
 * the delay loses those few lines of diagnostics, never a call.
 */
export function trailRecorder(
  slot: SessionSlot<DetectorTrails>,
  now: () => number,
  delayMs: number = TRAIL_WRITE_DELAY_MS,
): TrailRecorder {
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
      writing ??= new Promise((resolve) => setTimeout(resolve, delayMs))
        .then(flush)
        .catch(() => undefined)
        .finally(() => {
          writing = undefined;
        });
    },
    settled: () => writing ?? Promise.resolve(),
  };
}
