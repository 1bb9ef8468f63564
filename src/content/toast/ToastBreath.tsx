import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { QUICK_BREATH_SECONDS } from '../../routine/quick-breath';

/**
 * Five seconds of breathing inside the toast: a circle that grows then shrinks (still under
 * prefers-reduced-motion, where only the count changes) and a count screen readers hear once
 * per cue, not every second.
 */
export function ToastBreath({ onDone }: { onDone(): void }) {
  const [left, setLeft] = useState(QUICK_BREATH_SECONDS);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    const startedAt = performance.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, QUICK_BREATH_SECONDS - Math.floor((performance.now() - startedAt) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        done.current();
      }
    }, 200);
    return () => clearInterval(timer);
  }, []);

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
