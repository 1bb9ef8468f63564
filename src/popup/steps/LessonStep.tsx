import { t } from '../../platform/i18n';
import { TextArea } from '../fields/TextArea';
import { NextButton } from './NextButton';
import type { AnswerStepProps } from './step-props';

/** One lesson (practice `learn`): kept in the history. */
export function LessonStep({ headingRef, answers, update, onNext, last }: AnswerStepProps) {
  return (
    <section class="step">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('routineLessonTitle')}
      </h1>
      <TextArea
        id="went-well"
        rows={2}
        label={t('routineLessonWentWell')}
        value={answers.wentWell}
        onInput={(wentWell) => update({ wentWell })}
      />
      <TextArea
        id="do-differently"
        rows={2}
        label={t('routineLessonDifferently')}
        value={answers.doDifferently}
        onInput={(doDifferently) => update({ doDifferently })}
      />
      <NextButton onNext={onNext} last={last} />
    </section>
  );
}
