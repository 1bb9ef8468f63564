import { useEffect, useState } from 'preact/hooks';
import type { LiveCall } from '../../calls/call';
import { LIVE_CALLS_KEY, type LiveCallsState, liveCallsIn } from '../../calls/live-calls-state';
import { sessionSlot, watchSessionKey } from '../../platform/session-store';

/** The calls live right now, kept current as the background tracks them. */
export function useLiveCalls(): LiveCall[] {
  const [calls, setCalls] = useState<LiveCall[]>([]);
  useEffect(() => {
    const slot = sessionSlot<LiveCallsState>(LIVE_CALLS_KEY);
    const load = () => {
      slot.read().then(
        (state) => setCalls(liveCallsIn(state)),
        () => setCalls([]),
      );
    };
    load();
    return watchSessionKey(LIVE_CALLS_KEY, load);
  }, []);
  return calls;
}
