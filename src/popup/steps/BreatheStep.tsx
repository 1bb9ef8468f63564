import { formatCount } from '../../format/figures';
import { type MessageKey, t } from '../../platform/i18n';
import type { BreathCue } from '../../routine/breath-pace';
import { useBreathCountdown } from '../../shared-ui/use-breath-countdown';
import type { StepHeading } from './step-props';

interface BreatheProps extends StepHeading {
  seconds: number;
  onDone(): void;
}

const CUE_TEXT: Record<BreathCue, MessageKey> = {
  in: 'routineBreatheIn',
  'top-up': 'routineBreatheTopUp',
  out: 'routineBreatheOut',
};

/**
 * A guided breath: the circle grows on the way in and shrinks on the way out (the CSS
 * animation; under prefers-reduced-motion only the count shows). Screen readers hear the cue
 * change, not every second.
 */
export function BreatheStep({ headingRef, seconds, onDone }: BreatheProps) {
  const { pattern, left, cue } = useBreathCountdown(seconds, onDone);
  return (
    <section class="step breathe">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('routineBreatheTitle')}
      </h1>
      <div
        class={`breath breath-${pattern.style}`}
        style={{ '--breath-cycle': `${pattern.cycleSeconds}s`, '--breath-cycles': String(pattern.cycles) }}
        aria-hidden="true"
      >
        <div class="breath-circle" />
        <span class="breath-count" data-testid="breath-count">
          {formatCount(left)}
        </span>
      </div>
      <p class="cue" aria-live="polite">
        {t(CUE_TEXT[cue])}
      </p>
      <p class="visually-hidden" role="timer">
        {t('routineSecondsLeft', formatCount(left))}
      </p>
      <p class="hint">{t(pattern.style === 'sigh' ? 'routineSighHint' : 'routineBreatheHint')}</p>
    </section>
  );
}
