import { CAUSE_LABELS } from '../../format/answer-labels';
import { t } from '../../platform/i18n';
import { CAUSES } from '../../routine/answers';
import { CheckList } from '../../ui/CheckList';
import { NextButton } from './NextButton';
import type { AnswerStepProps } from './step-props';

/** What was it really about (not-about-you, understand-why, not-personal). */
export function ReframeStep({ headingRef, answers, update, onNext, last }: AnswerStepProps) {
  return (
    <section class="step">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('routineReframeTitle')}
      </h1>
      <p>{t('routineReframeBody')}</p>
      <CheckList
        chips
        legend={t('routineReframeLegend')}
        options={CAUSES}
        label={(cause) => t(CAUSE_LABELS[cause])}
        selected={answers.causes ?? []}
        onChange={(causes) => update({ causes })}
      />
      <p class="hint">{t('routineReframeHint')}</p>
      <NextButton onNext={onNext} last={last} />
    </section>
  );
}
