import type { CallSignal } from '../messages/call-signal';
import type { DialerAdapter } from './adapters/adapter';

const REPEAT_WINDOW_MS = 1000;
/**
 * At most this many signals leave a frame per second. Real dialers send a handful per call; a
 * page flooding forged messages must not flood the background or grow memory.
 */
export const MAX_SIGNALS_PER_SECOND = 20;

export interface DetectorOptions {
  frame: Window;
  adapters: readonly DialerAdapter[];
  send: (signal: CallSignal) => Promise<unknown>;
  now?: () => number;
  /** False once the extension behind this script is gone. */
  isConnected?: () => boolean;
  /** The adapters that apply to this frame, once they have started. */
  onStarted?: (adapterIds: string[]) => void;
  /** A signal let go because the frame sent too many this second. */
  onOverLimit?: () => void;
}

/**
 * Starts the adapters that apply to this frame and forwards their signals. A signal repeated
 * within a second (same kind, source and call) is sent once: widgets often post twice.
 * Returns a function that stops everything; it also stops itself once the extension is gone
 * (reloaded or removed), so an orphaned script does not keep listening.
 */
export function startDetector({
  frame,
  adapters,
  send,
  now = Date.now,
  isConnected = () => true,
  onStarted,
  onOverLimit,
}: DetectorOptions): () => void {
  const controller = new AbortController();
  const lastSent = new Map<string, number>();

  let windowStart = Number.NEGATIVE_INFINITY;
  let sentInWindow = 0;

  const emit = (signal: CallSignal): void => {
    if (controller.signal.aborted) return;
    if (signal.at - windowStart >= 1000) {
      windowStart = signal.at;
      sentInWindow = 0;
      // Repeats older than the window no longer matter: keeps the map as small as one window.
      for (const [key, at] of lastSent) if (signal.at - at >= REPEAT_WINDOW_MS) lastSent.delete(key);
    }
    const key = `${signal.kind}|${signal.source}|${signal.callId ?? ''}`;
    const previous = lastSent.get(key);
    if (previous !== undefined && signal.at - previous < REPEAT_WINDOW_MS) return;
    if (sentInWindow >= MAX_SIGNALS_PER_SECOND) {
      onOverLimit?.();
      return;
    }
    sentInWindow += 1;
    lastSent.set(key, signal.at);
    send(withoutUndefined(signal)).catch(() => {
      if (!isConnected()) controller.abort();
    });
  };

  const started: string[] = [];
  for (const adapter of adapters) {
    if (!adapter.matches(frame)) continue;
    adapter.start(frame, emit, controller.signal, now);
    started.push(adapter.id);
  }
  onStarted?.(started);
  return () => controller.abort();
}

function withoutUndefined(signal: CallSignal): CallSignal {
  return Object.fromEntries(Object.entries(signal).filter(([, value]) => value !== undefined)) as CallSignal;
}
