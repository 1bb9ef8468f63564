import { type MessageKey, t } from '../../platform/i18n';
import type { NotePractice } from '../../routine/routines';
import { TextArea } from '../fields/TextArea';
import { NextButton } from './NextButton';
import type { AnswerStepProps } from './step-props';

interface NoteCopy {
  title: MessageKey;
  body: MessageKey;
  label: MessageKey;
  example: MessageKey;
}

const COPY: Record<NotePractice, NoteCopy> = {
  'ok-with-no': {
    title: 'quietOkWithNoTitle',
    body: 'quietOkWithNoBody',
    label: 'quietOkWithNoLabel',
    example: 'quietOkWithNoExample',
  },
  'ask-feedback': {
    title: 'quietAskFeedbackTitle',
    body: 'quietAskFeedbackBody',
    label: 'quietAskFeedbackLabel',
    example: 'quietAskFeedbackExample',
  },
  'dont-close': {
    title: 'quietDontCloseTitle',
    body: 'quietDontCloseBody',
    label: 'quietDontCloseLabel',
    example: 'quietDontCloseExample',
  },
  'tell-the-truth': {
    title: 'prepTruthTitle',
    body: 'prepTruthBody',
    label: 'prepTruthLabel',
    example: 'prepTruthExample',
  },
  'ask-the-hard-question': {
    title: 'prepQuestionTitle',
    body: 'prepQuestionBody',
    label: 'prepQuestionLabel',
    example: 'prepQuestionExample',
  },
  'role-play': {
    title: 'prepRolePlayTitle',
    body: 'prepRolePlayBody',
    label: 'prepRolePlayLabel',
    example: 'prepRolePlayExample',
  },
};

/** A practice as a short prompt, and a line in the rep's own words (kept in the history). */
export function NoteStep({
  practice,
  headingRef,
  answers,
  update,
  onNext,
  last,
}: AnswerStepProps & { practice: NotePractice }) {
  const copy = COPY[practice];
  return (
    <section class="step">
      <h1 ref={headingRef} tabIndex={-1}>
        {t(copy.title)}
      </h1>
      <p>{t(copy.body)}</p>
      <TextArea
        id={`note-${practice}`}
        label={t(copy.label)}
        placeholder={t(copy.example)}
        value={answers.notes?.[practice]}
        onInput={(note) => update({ notes: { ...answers.notes, [practice]: note } })}
      />
      <NextButton onNext={onNext} last={last} />
    </section>
  );
}
