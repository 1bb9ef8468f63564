import { t } from '../../platform/i18n';

export function NextButton({ onNext, label }: { onNext(): void; label?: string }) {
  return (
    <button type="button" class="primary big" onClick={onNext}>
      {label ?? t('routineNext')}
    </button>
  );
}
