import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { QUICK_BREATH_SECONDS } from '../../routine/quick-breath';

interface ToastBreathProps {
  onDone(): void;
  /** Clock for tests; the toast uses the page's. */
  now?: () => number;
}

/**
 * Five seconds of breathing inside the toast: a circle that grows then shrinks (still under
 * prefers-reduced-motion, where only the count changes) and a count screen readers hear once
 * per cue, not every second.
 */
const pageClock = () => performance.now();

export function ToastBreath({ onDone, now = pageClock }: ToastBreathProps) {
  const [left, setLeft] = useState(QUICK_BREATH_SECONDS);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    const startedAt = now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, QUICK_BREATH_SECONDS - Math.floor((now() - startedAt) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        done.current();
      }
    }, 200);
    return () => clearInterval(timer);
  }, [now]);

  const breathingIn = left > QUICK_BREATH_SECONDS / 2;
  return (
    <div class="breath" data-testid="toast-breath">
      <div class="breath-ring" aria-hidden="true">
        <div class="breath-circle" />
        <span class="breath-count">{left}</span>
      </div>
      <p class="cue" aria-live="polite">
        {breathingIn ? t('routineBreatheIn') : t('routineBreatheOut')}
      </p>
    </div>
  );
}
