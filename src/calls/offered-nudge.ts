import { localSlot } from '../platform/local-store';
import type { EndedCall } from './call';

/**
 * A nudge that was held (the rep was on another call) when the browser quit. The popup's home
 * offers it on the next start instead of dropping it; it goes once the rep answers or waves it off.
 */
export interface OfferedNudge {
  call: EndedCall;
}

export const OFFERED_NUDGE_KEY = 'offeredNudge';
export const offeredNudgeSlot = () => localSlot<OfferedNudge>(OFFERED_NUDGE_KEY);
