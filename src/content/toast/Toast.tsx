import { useState } from 'preact/hooks';
import { formatDuration } from '../../format/duration';
import { ratingLabel } from '../../format/rating-label';
import { CALL_RATINGS, type CallRating } from '../../messages/to-background';
import type { Nudge } from '../../messages/to-content';
import { t } from '../../platform/i18n';

export interface ToastActions {
  rate(rating: CallRating): Promise<unknown>;
  reset(): Promise<unknown>;
}

interface ToastProps {
  nudge: Nudge;
  actions: ToastActions;
  onClose(): void;
  /** Which clicks count. Only a person's: the page can dispatch synthetic events at anything it sees. */
  accepts?: (event: Event) => boolean;
}

const isTrusted = (event: Event) => event.isTrusted;

export function Toast({ nudge, actions, onClose, accepts = isTrusted }: ToastProps) {
  const trusted = (handler: () => void) => (event: Event) => {
    if (accepts(event)) handler();
  };
  const [rating, setRating] = useState<CallRating | null>(null);
  const [failed, setFailed] = useState(false);

  const attempt = (action: () => Promise<unknown>, after?: () => void) => {
    setFailed(false);
    action().then(after, () => setFailed(true));
  };

  const length = nudge.durationMs === undefined ? t('callLengthUnknown') : formatDuration(nudge.durationMs);

  return (
    <section
      class="toast"
      role="status"
      aria-label={t('toastLabel')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <p class="title">{t('toastQuestion')}</p>
      <p class="meta">{t('callMeta', [nudge.dialer, length])}</p>
      <fieldset class="row">
        <legend class="visually-hidden">{t('toastRateGroup')}</legend>
        {CALL_RATINGS.map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={rating === value}
            onClick={trusted(() => {
              setRating(value);
              attempt(() => actions.rate(value));
            })}
          >
            {ratingLabel(value)}
          </button>
        ))}
      </fieldset>
      {rating && !failed && <p class="note">{rating === 'tough' ? t('toastToughThanks') : t('toastThanks')}</p>}
      {failed && <p class="note error">{t('toastError')}</p>}
      <button type="button" class="primary" onClick={trusted(() => attempt(actions.reset, onClose))}>
        {t('toastReset')}
      </button>
      <button type="button" class="close" aria-label={t('toastDismiss')} onClick={trusted(onClose)}>
        ×
      </button>
    </section>
  );
}
