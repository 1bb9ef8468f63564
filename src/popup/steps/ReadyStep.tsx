import { t } from '../../platform/i18n';
import { InputField } from '../fields/InputField';
import { MoodPicker } from '../fields/MoodPicker';
import { TextArea } from '../fields/TextArea';
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
      {whyISell ? (
        <blockquote class="belief" data-testid="why-i-sell">
          <p class="meta">{t('routineWhyISellShown')}</p>
          <p>{whyISell}</p>
        </blockquote>
      ) : (
        <TextArea
          id="why-i-sell"
          rows={2}
          label={t('routineWhyISellLabel')}
          value={answers.whyISell}
          onInput={(value) => update({ whyISell: value })}
        />
      )}
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
