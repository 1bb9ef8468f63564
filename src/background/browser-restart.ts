import type { EndedCall } from '../calls/call';
import type { OfferedNudge } from '../calls/offered-nudge';
import type { SessionSlot } from '../platform/session-store';
import { browserClosedCall, type LiveCallShadows } from './live-call-shadows';
import type { HeldNudge } from './nudge-flow';

export interface RestartRecoveryDeps {
  /**
   * In storage.session: set by the first start of this session. The browser clears it when it
   * quits or crashes, and when it reloads or updates Rebound: exactly when live calls are lost.
   */
  sessionMark: SessionSlot<number>;
  shadows: SessionSlot<LiveCallShadows>;
  /** Durable (storage.local), so it is still there after the restart. */
  heldNudge: SessionSlot<HeldNudge>;
  offeredNudge: SessionSlot<OfferedNudge>;
  queueUnwritten(calls: EndedCall[]): Promise<void>;
  now(): number;
}

/**
 * On the first start of a browser session: the calls that were live when the last one ended
 * are queued as browser-closed, and a nudge it was holding becomes an offer in the popup (its
 * tabs are gone, so a toast has nowhere to show). A worker restart inside a session finds the
 * mark and changes nothing. Returns the calls it queued.
 */
export async function recoverAfterRestart(deps: RestartRecoveryDeps): Promise<EndedCall[]> {
  if ((await deps.sessionMark.read()) !== undefined) return [];
  const [shadows, held] = await Promise.all([deps.shadows.read(), deps.heldNudge.read()]);
  const closed = Object.values(shadows ?? {}).map(browserClosedCall);
  if (closed.length > 0) await deps.queueUnwritten(closed);
  await deps.shadows.clear();
  if (held) {
    await deps.offeredNudge.write({ call: held.call });
    await deps.heldNudge.clear();
  }
  await deps.sessionMark.write(deps.now());
  return closed;
}
