import { t } from '../../platform/i18n';
import { QUICK_BREATH_SECONDS } from '../../routine/quick-breath';
import { useBreathCountdown } from '../../shared-ui/use-breath-countdown';

/**
 * Five seconds of breathing inside the toast: a circle that grows then shrinks (still under
 * prefers-reduced-motion, where only the count changes) and a count screen readers hear once
 * per cue, not every second.
 */
export function ToastBreath({ onDone }: { onDone(): void }) {
  const { left, cue } = useBreathCountdown(QUICK_BREATH_SECONDS, onDone);
  return (
    <div class="breath" data-testid="toast-breath">
      <div class="breath-ring" aria-hidden="true">
        <div class="breath-circle" />
        <span class="breath-count">{left}</span>
      </div>
      <p class="cue" aria-live="polite">
        {cue === 'in' ? t('routineBreatheIn') : t('routineBreatheOut')}
      </p>
    </div>
  );
}
