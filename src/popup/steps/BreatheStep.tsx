import { useEffect, useRef, useState } from 'preact/hooks';
import { formatCount } from '../../format/figures';
import { type MessageKey, t } from '../../platform/i18n';
import { type BreathCue, breathPattern, cueAt } from '../../routine/breath-pace';
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
  const [elapsed, setElapsed] = useState(0);
  const done = useRef(onDone);
  done.current = onDone;
  const pattern = breathPattern(seconds);

  useEffect(() => {
    const startedAt = performance.now();
    const timer = setInterval(() => {
      const passed = Math.min(seconds, (performance.now() - startedAt) / 1000);
      setElapsed(passed);
      if (passed >= seconds) {
        clearInterval(timer);
        done.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds]);

  const left = Math.max(0, seconds - Math.floor(elapsed));
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
        {t(CUE_TEXT[cueAt(pattern, elapsed)])}
      </p>
      <p class="visually-hidden" role="timer">
        {t('routineSecondsLeft', formatCount(left))}
      </p>
      <p class="hint">{t(pattern.style === 'sigh' ? 'routineSighHint' : 'routineBreatheHint')}</p>
    </section>
  );
}
