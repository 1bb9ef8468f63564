import type { SessionSlot } from '../platform/session-store';
import { sessionSlot } from '../platform/session-store';
import type { EndedCall, LiveCall, TrackerState } from './call';

/** What the background keeps in storage.session about calls; the popup and Options read it. */
export interface LiveCallsState {
  tracker: TrackerState;
  /** Ended calls not yet in the database: kept until their write succeeds. */
  unwritten: EndedCall[];
}

export const LIVE_CALLS_KEY = 'liveCalls';
export const liveCallsSlot = () => sessionSlot<LiveCallsState>(LIVE_CALLS_KEY);

/** The dialers on a call right now, newest first, once each: the popup's "On a call in …". */
export async function liveCallSources(slot: SessionSlot<LiveCallsState>): Promise<string[]> {
  return [...new Set(liveCallsIn(await slot.read()).map((call) => call.family ?? call.source))];
}

/** The calls live right now, newest first, for pages that show them (options' "call seen?"). */
export function liveCallsIn(state: LiveCallsState | undefined): LiveCall[] {
  return Object.values(state?.tracker.live ?? {}).sort((a, b) => b.startedAt - a.startedAt);
}
