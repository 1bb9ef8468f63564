import { useEffect, useState } from 'preact/hooks';
import { formatDuration } from '../../format/duration';
import { formatCount } from '../../format/figures';
import { ratingLabel } from '../../format/rating-label';
import type { Escalation } from '../../messages/escalation';
import { CALL_RATINGS, type CallRating } from '../../messages/to-background';
import type { Nudge } from '../../messages/to-content';
import { type MessageKey, t } from '../../platform/i18n';
import { SNOOZE_CHOICES, type SnoozeChoice } from '../../snooze/snooze';
import { EscalationNote } from './Escalation';
import { ToastBreath } from './ToastBreath';

export interface NudgeActions {
  /** Resolves with the escalation to show when this rating completes a run of tough calls. */
  rate(rating: CallRating): Promise<Escalation | undefined>;
  reset(): Promise<unknown>;
  /** The escalation's longer break: the rough-run routine. */
  roughRun(): Promise<unknown>;
  snooze(choice: SnoozeChoice): Promise<unknown>;
}

/** What the toast shows: a nudge about a call, or (for the quick-reset shortcut) only the breath. */
export interface ToastContent {
  nudged?: { nudge: Nudge; actions: NudgeActions };
  /** Records the breath once it ran to its end. */
  breathDone(): Promise<unknown>;
}

interface ToastProps extends ToastContent {
  onClose(): void;
  /** While true the toast does not hide itself (a breath is running). */
  onBusy?(busy: boolean): void;
  /** Which clicks count. Only a person's: the page can dispatch synthetic events at anything it sees. */
  accepts?: (event: Event) => boolean;
}

const isTrusted = (event: Event) => event.isTrusted;

const SNOOZE_LABELS: Record<SnoozeChoice, MessageKey> = {
  '30m': 'snooze30m',
  '1h': 'snooze1h',
  today: 'snoozeToday',
};

type Phase = 'ask' | 'breathing' | 'breathed';

export function Toast({ nudged, breathDone, onClose, onBusy, accepts = isTrusted }: ToastProps) {
  const nudge = nudged?.nudge;
  const trusted = (handler: () => void) => (event: Event) => {
    if (accepts(event)) handler();
  };
  const [rating, setRating] = useState<CallRating | null>(null);
  const [failed, setFailed] = useState(false);
  const [escalation, setEscalation] = useState<Escalation | undefined>(nudge?.escalation);
  const [phase, setPhase] = useState<Phase>(nudge ? 'ask' : 'breathing');

  const attempt = <T,>(action: () => Promise<T>, after?: (value: T) => void) => {
    setFailed(false);
    action().then(after, () => setFailed(true));
  };

  const busy = phase === 'breathing';
  useEffect(() => onBusy?.(busy), [busy, onBusy]);

  const breathe = () => setPhase('breathing');
  const breathed = () => {
    setPhase('breathed');
    attempt(breathDone);
  };

  return (
    <section
      class="toast"
      role="status"
      aria-label={t('toastLabel')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      {nudge ? (
        <>
          <p class="title">{escalation ? t('escalationTitle', formatCount(escalation.streak)) : t('toastQuestion')}</p>
          <p class="meta">
            {t('callMeta', [
              nudge.dialer,
              nudge.durationMs === undefined ? t('callLengthUnknown') : formatDuration(nudge.durationMs),
            ])}
          </p>
          {nudge.why && <p class="meta why">{nudge.why}</p>}
        </>
      ) : (
        <p class="title">{t('popupQuickReset')}</p>
      )}
      {escalation && nudged && (
        <EscalationNote escalation={escalation} onRoughRun={trusted(() => attempt(nudged.actions.roughRun, onClose))} />
      )}
      {phase === 'breathing' && <ToastBreath onDone={breathed} />}
      {phase === 'breathed' && !failed && <p class="note">{t('toastBreathDone')}</p>}
      {nudged && phase === 'ask' && (
        <>
          <fieldset class="row">
            <legend class="visually-hidden">{t('toastRateGroup')}</legend>
            {CALL_RATINGS.map((value) => (
              <button
                key={value}
                type="button"
                aria-pressed={rating === value}
                onClick={trusted(() => {
                  setRating(value);
                  attempt(
                    () => nudged.actions.rate(value),
                    (next) => next && setEscalation(next),
                  );
                })}
              >
                {ratingLabel(value)}
              </button>
            ))}
          </fieldset>
          {rating && !failed && !escalation && (
            <p class="note">{rating === 'tough' ? t('toastToughThanks') : t('toastThanks')}</p>
          )}
          <div class="row">
            <button type="button" class="primary" onClick={trusted(() => attempt(nudged.actions.reset, onClose))}>
              {t('toastReset')}
            </button>
            <button type="button" class="secondary" onClick={trusted(breathe)}>
              {t('toastBreath')}
            </button>
          </div>
          <fieldset class="row snooze">
            <legend class="snooze-label">{t('snoozeLabel')}</legend>
            {SNOOZE_CHOICES.map((choice) => (
              <button
                key={choice}
                type="button"
                class="small"
                onClick={trusted(() => attempt(() => nudged.actions.snooze(choice), onClose))}
              >
                {t(SNOOZE_LABELS[choice])}
              </button>
            ))}
          </fieldset>
        </>
      )}
      {failed && <p class="note error">{t('toastError')}</p>}
      <button type="button" class="close" aria-label={t('toastDismiss')} onClick={trusted(onClose)}>
        ×
      </button>
    </section>
  );
}
