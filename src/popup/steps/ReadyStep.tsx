import { t } from '../../platform/i18n';
import type { StepHeading } from './step-props';

export function ReadyStep({ headingRef, onDone }: StepHeading & { onDone(): void }) {
  return (
    <section class="step">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('routineReadyTitle')}
      </h1>
      <p>{t('routineReadyBody')}</p>
      <button type="button" class="primary big" onClick={onDone}>
        {t('routineDone')}
      </button>
    </section>
  );
}
