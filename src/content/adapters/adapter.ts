import type { CallSignal } from '../../messages/call-signal';

export type EmitSignal = (signal: CallSignal) => void;

/**
 * One dialer family. `matches` decides from the frame alone whether the adapter applies;
 * `start` listens until `stop` aborts, and must never throw on anything the page sends.
 */
export interface DialerAdapter {
  /** The dialer family's id in dialers/catalog.ts; also the signals' `source`. */
  readonly id: string;
  matches(frame: Window): boolean;
  start(frame: Window, emit: EmitSignal, stop: AbortSignal, now: () => number): void;
}
