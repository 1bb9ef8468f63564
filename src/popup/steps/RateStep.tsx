import { TAG_LABELS } from '../../format/answer-labels';
import { ratingLabel } from '../../format/rating-label';
import { CALL_RATINGS } from '../../messages/to-background';
import { t } from '../../platform/i18n';
import { CALL_TAGS } from '../../routine/answers';
import { CheckList } from '../../ui/CheckList';
import { MoodPicker } from '../fields/MoodPicker';
import { NextButton } from './NextButton';
import type { AnswerStepProps } from './step-props';

/** How the call went, what made it hard, and how the rep feels now (mood before). */
export function RateStep({ headingRef, answers, update, onNext, last }: AnswerStepProps) {
  return (
    <section class="step">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('routineRateTitle')}
      </h1>
      <fieldset class="choices">
        <legend class="visually-hidden">{t('toastRateGroup')}</legend>
        {CALL_RATINGS.map((rating) => (
          <button
            key={rating}
            type="button"
            class="secondary"
            aria-pressed={answers.rating === rating}
            onClick={() => update({ rating })}
          >
            {ratingLabel(rating)}
          </button>
        ))}
      </fieldset>
      <CheckList
        chips
        legend={t('routineTagsLegend')}
        options={CALL_TAGS}
        label={(tag) => t(TAG_LABELS[tag])}
        selected={answers.tags ?? []}
        onChange={(tags) => update({ tags })}
      />
      <MoodPicker
        name="mood-before"
        legend={t('routineMoodBefore')}
        value={answers.moodBefore}
        onChange={(moodBefore) => update({ moodBefore })}
      />
      <NextButton onNext={onNext} last={last} />
    </section>
  );
}
