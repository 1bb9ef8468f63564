import { useEffect, useState } from 'preact/hooks';
import { LIVE_CALLS_KEY, type LiveCallsState, liveCallsIn } from '../../calls/live-calls-state';
import { sessionSlot, watchSessionKey } from '../../platform/session-store';

/**
 * The hosts where Rebound hears a call now, or heard one end that is not in the database yet: a
 * page that reads the last recorded call must wait for that write, which lands a moment after
 * the call leaves the live list.
 */
export function useHostsInCall(): ReadonlySet<string> {
  const [hosts, setHosts] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const slot = sessionSlot<LiveCallsState>(LIVE_CALLS_KEY);
    const load = () => {
      slot.read().then(
        (state) => setHosts(new Set([...liveCallsIn(state), ...(state?.unwritten ?? [])].map((call) => call.host))),
        () => setHosts(new Set()),
      );
    };
    load();
    return watchSessionKey(LIVE_CALLS_KEY, load);
  }, []);
  return hosts;
}
