import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { TextArea } from '../fields/TextArea';
import { NextButton } from './NextButton';
import type { AnswerStepProps } from './step-props';

/**
 * Name what sticks, then crumple it and throw it away. The words are forgotten as they go,
 * unless the rep ticks "keep a note".
 */
export function ThrowAwayStep({ headingRef, answers, update, onNext, last }: AnswerStepProps) {
  const [crumpled, setCrumpled] = useState<string | null>(null);

  const throwAway = () => {
    setCrumpled(answers.stuck?.trim() || t('routineThrowPaper'));
    update(answers.keepStuck ? { thrown: true } : { thrown: true, stuck: undefined });
  };

  return (
    <section class="step throw-away">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('routineThrowTitle')}
      </h1>
      {answers.thrown ? (
        <>
          {crumpled && (
            <p class="paper crumple" aria-hidden="true">
              {crumpled}
            </p>
          )}
          <p class="done" role="status">
            {t('routineThrowGone')}
          </p>
          <NextButton onNext={onNext} last={last} />
        </>
      ) : (
        <>
          <p>{t('routineThrowBody')}</p>
          <TextArea
            id="stuck"
            label={t('routineThrowLabel')}
            value={answers.stuck}
            onInput={(stuck) => update({ stuck })}
          />
          <label class="check">
            <input
              type="checkbox"
              checked={answers.keepStuck === true}
              onChange={(event) => update({ keepStuck: event.currentTarget.checked })}
            />
            {t('routineThrowKeep')}
          </label>
          <button type="button" class="primary big" onClick={throwAway}>
            {t('routineThrowButton')}
          </button>
        </>
      )}
    </section>
  );
}
