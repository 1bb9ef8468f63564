import { t } from '../../platform/i18n';

/** Moves on; on the routine's last step it says so. */
export function NextButton({ onNext, last }: { onNext(): void; last: boolean }) {
  return (
    <button type="button" class="primary big" onClick={onNext}>
      {t(last ? 'routineDone' : 'routineNext')}
    </button>
  );
}
