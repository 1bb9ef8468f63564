import { useEffect, useState } from 'preact/hooks';
import type { OfferedNudge } from '../../calls/offered-nudge';
import type { HomeReader } from '../../db/home-reader';
import type { CallRecord } from '../../db/schema';
import { dialerLabel } from '../../dialers/dialer-label';
import { callLengthText } from '../../format/call-length';
import { t } from '../../platform/i18n';
import type { SessionSlot } from '../../platform/session-store';

/** Past this, the moment has passed: a call from yesterday is not asked about. */
export const OFFER_FRESH_MS = 12 * 60 * 60 * 1000;

interface OfferedNudgeCardProps {
  reader: HomeReader;
  offeredNudge: SessionSlot<OfferedNudge>;
  onReset(call: CallRecord): void;
  now(): number;
}

/**
 * The nudge the browser was holding when it quit, asked now. A call rated or reset since, or
 * older than OFFER_FRESH_MS, needs no asking: the offer goes quietly.
 */
export function OfferedNudgeCard({ reader, offeredNudge, onReset, now }: OfferedNudgeCardProps) {
  const [call, setCall] = useState<CallRecord | undefined>(undefined);

  useEffect(() => {
    const load = async (): Promise<CallRecord | undefined> => {
      const offer = await offeredNudge.read();
      if (!offer) return undefined;
      const found =
        now() - offer.call.endedAt <= OFFER_FRESH_MS ? await reader.callByKey(offer.call.callKey) : undefined;
      if (found && found.call.rating === undefined && !found.resetDone) return found.call;
      await offeredNudge.clear();
      return undefined;
    };
    load().then(setCall, () => setCall(undefined));
  }, [reader, offeredNudge, now]);

  if (!call) return null;
  const answer = (reset: boolean) => {
    setCall(undefined);
    void offeredNudge.clear();
    if (reset) onReset(call);
  };
  return (
    <section class="card" aria-labelledby="offered-nudge-heading" data-testid="offered-nudge">
      <h2 id="offered-nudge-heading">{t('popupOfferTitle')}</h2>
      <p class="meta">{t('callMeta', [dialerLabel(call.source), callLengthText(call)])}</p>
      <p class="hint">{t('popupOfferWhy')}</p>
      <div class="row-actions">
        <button type="button" class="primary" onClick={() => answer(true)}>
          {t('popupResetAfterCall')}
        </button>
        <button type="button" class="secondary" onClick={() => answer(false)}>
          {t('popupOfferDismiss')}
        </button>
      </div>
    </section>
  );
}
