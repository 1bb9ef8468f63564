import { useEffect, useState } from 'preact/hooks';
import { formatTime } from '../format/date-time';
import { errorText } from '../format/error-text';
import { type MessageKey, t } from '../platform/i18n';
import { isSnoozed, SNOOZE_CHOICES, type SnoozeChoice } from '../snooze/snooze';
import { endSnooze, readSnooze, snooze } from '../snooze/snooze-store';

const LABELS: Record<SnoozeChoice, MessageKey> = { '30m': 'snooze30m', '1h': 'snooze1h', today: 'snoozeToday' };

/** Snooze nudges from the popup (the toast offers the same), or end a snooze early. */
export function SnoozeControl({ now = Date.now, first }: { now?: () => number; first?: { until?: number } }) {
  const [until, setUntil] = useState<number | undefined>(first?.until);
  const [error, setError] = useState<string | null>(null);

  // Read already when home's first screen came with it: drawn right the first time.
  useEffect(() => {
    if (first) return;
    readSnooze().then(setUntil, (failure) => setError(errorText(failure)));
  }, [first]);

  const run = (action: () => Promise<number | undefined>) => {
    setError(null);
    action().then(setUntil, (failure) => setError(errorText(failure)));
  };

  const snoozed = isSnoozed(until, now());
  return (
    <section class="card snooze-control" aria-labelledby="snooze-heading" data-testid="snooze">
      <h2 id="snooze-heading">{t('popupSnoozeLabel')}</h2>
      {snoozed && until !== undefined ? (
        <>
          <p>{t('popupSnoozedUntil', formatTime(until))}</p>
          <button type="button" class="secondary" onClick={() => run(() => endSnooze().then(() => undefined))}>
            {t('popupSnoozeResume')}
          </button>
        </>
      ) : (
        <div class="choices">
          {SNOOZE_CHOICES.map((choice) => (
            <button key={choice} type="button" class="secondary" onClick={() => run(() => snooze(choice, now()))}>
              {t(LABELS[choice])}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
