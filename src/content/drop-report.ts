import type { DetectorDropReason } from '../messages/to-background';

/** How often a frame tells the background what it let go: a flood costs one message a second. */
export const DROP_REPORT_INTERVAL_MS = 1000;

/**
 * Counts what the detector in this frame let go, by reason, and sends the counts at most once
 * per interval. Only counts leave the frame, never what was dropped.
 */
export function dropReporter(
  send: (reason: DetectorDropReason, count: number) => Promise<unknown>,
  later: (run: () => void, ms: number) => unknown = setTimeout,
): (reason: DetectorDropReason) => void {
  const counts = new Map<DetectorDropReason, number>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    for (const [reason, count] of counts) send(reason, count).catch(() => undefined);
    counts.clear();
  };
  return (reason) => {
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
    if (scheduled) return;
    scheduled = true;
    later(flush, DROP_REPORT_INTERVAL_MS);
  };
}
