import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import type { StepHeading } from './step-props';

interface BreatheProps extends StepHeading {
  seconds: number;
  onDone(): void;
}

/**
 * A guided breath: the circle grows for the first half and shrinks for the second (the CSS
 * animation; under prefers-reduced-motion only the count shows). Screen readers hear the cue
 * change, not every second.
 */
export function BreatheStep({ headingRef, seconds, onDone }: BreatheProps) {
  const [left, setLeft] = useState(seconds);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    const startedAt = performance.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((performance.now() - startedAt) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        done.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds]);

  const breathingIn = left > seconds / 2;
  return (
    <section class="step breathe">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('routineBreatheTitle')}
      </h1>
      <div class="breath" style={{ '--breath-seconds': `${seconds}s` }} aria-hidden="true">
        <div class="breath-circle" />
        <span class="breath-count" data-testid="breath-count">
          {left}
        </span>
      </div>
      <p class="cue" aria-live="polite">
        {breathingIn ? t('routineBreatheIn') : t('routineBreatheOut')}
      </p>
      <p class="visually-hidden" role="timer">
        {t('routineSecondsLeft', String(left))}
      </p>
      <p class="hint">{t('routineBreatheHint')}</p>
    </section>
  );
}
