import type { EndedCall, LiveCall } from '../calls/call';
import type { SessionSlot } from '../platform/session-store';
import { endLive } from './call-tracker';

/**
 * A live call's "last seen alive" is rewritten at most this often: often enough that a call
 * the browser closed on ends close to when it really did, rarely enough to cost nothing.
 */
export const SHADOW_REFRESH_MS = 15_000;

/** A live call's durable copy, in storage.local: what is left of it if the browser quits. */
export interface LiveCallShadow {
  call: LiveCall;
  lastSeenAt: number;
}

/** callKey → its shadow. */
export type LiveCallShadows = Record<string, LiveCallShadow>;

/**
 * The shadows for the calls live now: a new call gets one, an ended call loses its own, and a
 * call's last-seen time moves on once it is SHADOW_REFRESH_MS old. `changed` is false when the
 * stored shadows are still right, so most signals cost no write.
 */
export function nextShadows(
  before: LiveCallShadows,
  live: readonly LiveCall[],
  now: number,
): { shadows: LiveCallShadows; changed: boolean } {
  const shadows: LiveCallShadows = {};
  let changed = Object.keys(before).length !== live.length;
  for (const call of live) {
    const old = before[call.callKey];
    const same = old !== undefined && JSON.stringify(old.call) === JSON.stringify(call);
    const fresh = old !== undefined && now - old.lastSeenAt < SHADOW_REFRESH_MS;
    if (same && fresh) {
      shadows[call.callKey] = old;
      continue;
    }
    shadows[call.callKey] = { call, lastSeenAt: now };
    changed = true;
  }
  return { shadows, changed };
}

/**
 * A shadow left when the browser stopped becomes the call it was, ended when it was last seen
 * alive. Its length counts from the answer (or the audio) like any other call, and is marked
 * approximate: the call went on for some time nobody saw.
 */
export function browserClosedCall({ call, lastSeenAt }: LiveCallShadow): EndedCall {
  const outcome = call.answeredAt !== undefined || call.audioAt !== undefined ? 'completed' : 'unknown';
  return { ...endLive(call, Math.max(lastSeenAt, call.startedAt), outcome, 'browser-closed'), approximate: true };
}

/** Wakes the background while a call is live, to move its shadow's last-seen time on. */
export const SHADOW_ALARM = 'live-calls-seen';
/** Chrome's shortest alarm period. */
const SHADOW_ALARM_MINUTES = 0.5;

export interface ShadowKeeperDeps {
  slot: SessionSlot<LiveCallShadows>;
  alarms: {
    create(name: string, info: { periodInMinutes: number }): unknown;
    clear(name: string): Promise<unknown>;
  };
  now(): number;
}

/**
 * Keeps the shadows in step with the live calls, one write at a time, in order. While a call is
 * live an alarm brings the background back to refresh them: a call with no signal for minutes
 * is still alive, and its shadow says so.
 */
export function createShadowKeeper(deps: ShadowKeeperDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  let stored: LiveCallShadows | undefined;
  return {
    sync(live: readonly LiveCall[]): Promise<void> {
      const run = queue.then(async () => {
        stored ??= (await deps.slot.read()) ?? {};
        const wasLive = Object.keys(stored).length > 0;
        const { shadows, changed } = nextShadows(stored, live, deps.now());
        if (!changed) return;
        await deps.slot.write(shadows);
        stored = shadows;
        if (live.length > 0 && !wasLive) {
          await deps.alarms.create(SHADOW_ALARM, { periodInMinutes: SHADOW_ALARM_MINUTES });
        }
        if (live.length === 0) await deps.alarms.clear(SHADOW_ALARM);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
