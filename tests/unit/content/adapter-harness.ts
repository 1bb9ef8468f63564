import type { DialerAdapter } from '../../../src/content/adapters/adapter';
import type { CallSignal } from '../../../src/messages/call-signal';
import { installMessagePrefilter } from '../../../src/page/message-prefilter';

/** A stand-in window with a document: enough for the adapters and the MAIN-world prefilter. */
export function standInFrame(): Window {
  return Object.assign(new EventTarget(), { document: new EventTarget() }) as unknown as Window;
}

/** One recorded `message` event: what was posted, when, and by whom. */
export interface Recorded {
  at: number;
  data: unknown;
  /** Default 'widget': a frame inside the page. 'page' is the page posting to itself. */
  from?: 'widget' | 'page' | 'stranger';
}

/**
 * Replays recorded `message` events into an adapter running on a stand-in window, the way the
 * browser delivers them (through the page-world prefilter), and returns what it emitted.
 */
export function replay(
  adapter: DialerAdapter,
  recorded: readonly Recorded[],
  { keepRunning = false }: { keepRunning?: boolean } = {},
): CallSignal[] {
  const frame = standInFrame();
  installMessagePrefilter(frame);
  const widget = { parent: frame };
  const stranger = { parent: null };
  const signals: CallSignal[] = [];
  let clock = 0;
  const controller = new AbortController();
  adapter.start(
    frame,
    (signal) => signals.push(signal),
    controller.signal,
    () => clock,
  );
  for (const { at, data, from = 'widget' } of recorded) {
    clock = at;
    const event = new Event('message');
    const source = from === 'widget' ? widget : from === 'page' ? frame : stranger;
    Object.defineProperties(event, { data: { value: data }, source: { value: source } });
    frame.dispatchEvent(event);
  }
  // Left running, the adapter can still emit later (timers); the array keeps filling.
  if (!keepRunning) controller.abort();
  return signals;
}
