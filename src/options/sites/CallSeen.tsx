import { useEffect, useState } from 'preact/hooks';
import { lastCallOnHost } from '../../db/history';
import type { CallRecord, ReboundDb } from '../../db/schema';
import { formatTime } from '../../format/date-time';
import { formatDuration } from '../../format/duration';
import { t } from '../../platform/i18n';
import { useHostsInCall } from './use-hosts-in-call';

/**
 * "Call seen?" for one site: live while Rebound hears a call there, then the last call it
 * recorded there, so the rep can make a test call and watch it register.
 */
export function CallSeen({ db, host }: { db: ReboundDb; host: string }) {
  const live = useHostsInCall().has(host);
  const [last, setLast] = useState<CallRecord | null | undefined>(undefined);

  useEffect(() => {
    if (live) return;
    lastCallOnHost(db, host).then(
      (call) => setLast(call ?? null),
      () => setLast(null),
    );
  }, [db, host, live]);

  let text = '';
  if (live) text = t('sitesCallSeenLive');
  else if (last === null) text = t('sitesCallSeenNever');
  else if (last) {
    const at = formatTime(last.endedAt);
    const length = last.durationMs === undefined ? t('callLengthUnknown') : formatDuration(last.durationMs);
    text = t('sitesCallSeenLast', [at, length]);
  }
  return (
    <p class={live ? 'call-seen live' : 'call-seen'} role="status" data-testid="call-seen">
      {text}
    </p>
  );
}
