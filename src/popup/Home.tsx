import { useEffect, useState } from 'preact/hooks';
import { latestCall } from '../db/calls';
import { resetForCall } from '../db/resets';
import type { CallRecord, ReboundDb } from '../db/schema';
import { dialerLabel } from '../dialers/catalog';
import { formatDuration } from '../format/duration';
import { ratingLabel } from '../format/rating-label';
import { t } from '../platform/i18n';
import type { RoutineKind } from '../routine/routines';
import { errorText } from './error-text';

interface HomeProps {
  db: ReboundDb;
  onStart(kind: RoutineKind, call?: CallRecord): void;
  openOptions(): void;
}

type LastCall = { call: CallRecord; resetDone: boolean } | null;

export function Home({ db, onStart, openOptions }: HomeProps) {
  const [last, setLast] = useState<LastCall | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = async (): Promise<LastCall> => {
      const call = await latestCall(db);
      if (!call) return null;
      return { call, resetDone: (await resetForCall(db, call.id)) !== undefined };
    };
    load().then(setLast, (failure) => setError(errorText(failure)));
  }, [db]);

  return (
    <main class="popup">
      <h1 class="brand">Rebound</h1>
      {error && (
        <p class="error" role="alert">
          {t('popupLoadError', error)}
        </p>
      )}
      <button type="button" class="primary big" onClick={() => onStart('quick')}>
        {t('popupQuickReset')}
      </button>
      <p class="hint">{t('popupQuickResetHint')}</p>
      {last === null && <p class="empty">{t('popupNoCalls')}</p>}
      {last && (
        <LastCallCard call={last.call} resetDone={last.resetDone} onReset={() => onStart('after-call', last.call)} />
      )}
      <footer class="popup-footer">
        <button type="button" class="link" onClick={openOptions}>
          {t('popupOpenOptions')}
        </button>
      </footer>
    </main>
  );
}

function LastCallCard({ call, resetDone, onReset }: { call: CallRecord; resetDone: boolean; onReset(): void }) {
  const length = call.durationMs === undefined ? t('callLengthUnknown') : formatDuration(call.durationMs);
  const endedAt = new Date(call.endedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <section class="card" aria-labelledby="last-call-heading" data-testid="last-call">
      <h2 id="last-call-heading">{t('popupLastCall')}</h2>
      <p class="meta">{t('callMeta', [dialerLabel(call.source), length])}</p>
      <p class="meta">{t('popupEndedAt', endedAt)}</p>
      <p>{call.rating ? t('popupRated', ratingLabel(call.rating)) : t('popupNotRated')}</p>
      {resetDone ? (
        <p class="done">✓ {t('popupResetDone')}</p>
      ) : (
        <button type="button" class="secondary" onClick={onReset}>
          {t('popupResetAfterCall')}
        </button>
      )}
    </section>
  );
}
