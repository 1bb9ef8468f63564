import { useEffect, useState } from 'preact/hooks';
import { latestCall } from '../db/calls';
import { resetForCall } from '../db/resets';
import type { CallRecord, ReboundDb } from '../db/schema';
import type { WriteFailure } from '../db/write-failure';
import { dialerLabel } from '../dialers/catalog';
import { formatDuration } from '../format/duration';
import { errorText } from '../format/error-text';
import { ratingLabel } from '../format/rating-label';
import { t } from '../platform/i18n';
import type { SessionSlot } from '../platform/session-store';
import type { RoutineKind } from '../routine/routines';
import { SnoozeControl } from './SnoozeControl';

interface HomeProps {
  db: ReboundDb;
  writeFailure: SessionSlot<WriteFailure>;
  /** Asks the background to write the calls that wait (resolves once it has tried). */
  retryWrites(): Promise<unknown>;
  onStart(kind: RoutineKind, call?: CallRecord): void;
  openOptions(): void;
}

type LastCall = { call: CallRecord; resetDone: boolean } | null;

export function Home({ db, writeFailure, retryWrites, onStart, openOptions }: HomeProps) {
  const [failure, setFailure] = useState<WriteFailure | undefined>(undefined);
  const readFailure = () => writeFailure.read().then(setFailure, () => undefined);
  useEffect(() => void readFailure(), []);
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
      {failure && (
        <div class="error" role="alert">
          <p>{t('popupWriteFailure', [String(failure.waiting), failure.message])}</p>
          <button type="button" class="secondary" onClick={() => retryWrites().finally(readFailure)}>
            {t('popupRetryWrites')}
          </button>
        </div>
      )}
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
      <SnoozeControl />
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
