import { t } from '../../platform/i18n';
import { InputField } from '../fields/InputField';
import { WhyISell } from '../fields/WhyISell';
import { NextButton } from './NextButton';
import type { AnswerStepProps } from './step-props';

interface BeliefStepProps extends AnswerStepProps {
  /** The rep's "why I sell" line from settings; empty until they write one. */
  whyISell: string;
}

/** Practices `belief` and `pipeline`: why I sell, and the one prospect who needs me next. */
export function BeliefStep({ headingRef, answers, update, onNext, last, whyISell }: BeliefStepProps) {
  return (
    <section class="step">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('roughBeliefTitle')}
      </h1>
      <p>{t('roughBeliefBody')}</p>
      <WhyISell line={whyISell} answers={answers} update={update} />
      <InputField
        id="next-prospect"
        label={t('roughBeliefProspect')}
        maxLength={120}
        value={answers.pipeline}
        onInput={(pipeline) => update({ pipeline })}
      />
      <NextButton onNext={onNext} last={last} />
    </section>
  );
}
