import { t } from '../../platform/i18n';
import { InputField } from '../fields/InputField';
import { MoodPicker } from '../fields/MoodPicker';
import { WhyISell } from '../fields/WhyISell';
import type { AnswerStepProps } from './step-props';

interface ReadyStepProps extends AnswerStepProps {
  /** The rep's "why I sell" line from settings; empty until they write one. */
  whyISell: string;
}

/** The last step (positive, belief, pipeline): the next customer gets your best. */
export function ReadyStep({ headingRef, answers, update, onNext, whyISell }: ReadyStepProps) {
  return (
    <section class="step">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('routineReadyTitle')}
      </h1>
      <p>{t('routineReadyBody')}</p>
      <WhyISell line={whyISell} answers={answers} update={update} />
      <MoodPicker
        name="mood-after"
        legend={t('routineMoodAfter')}
        value={answers.moodAfter}
        onChange={(moodAfter) => update({ moodAfter })}
      />
      <InputField
        id="pipeline"
        label={t('routinePipelineLabel')}
        maxLength={120}
        value={answers.pipeline}
        onInput={(pipeline) => update({ pipeline })}
      />
      <button type="button" class="primary big" onClick={onNext}>
        {t('routineDone')}
      </button>
    </section>
  );
}
