import { ratingLabel } from '../../format/rating-label';
import { CALL_RATINGS, type CallRating } from '../../messages/to-background';
import { t } from '../../platform/i18n';
import type { StepHeading } from './step-props';

export function RateStep({ headingRef, onRate }: StepHeading & { onRate(rating: CallRating): void }) {
  return (
    <section class="step">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('routineRateTitle')}
      </h1>
      <fieldset class="choices">
        <legend class="visually-hidden">{t('toastRateGroup')}</legend>
        {CALL_RATINGS.map((rating) => (
          <button key={rating} type="button" class="secondary" onClick={() => onRate(rating)}>
            {ratingLabel(rating)}
          </button>
        ))}
      </fieldset>
    </section>
  );
}
