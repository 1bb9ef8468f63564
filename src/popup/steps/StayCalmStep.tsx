import { type MessageKey, t } from '../../platform/i18n';
import { STAY_CALM_PARTS, type StayCalmPart } from '../../routine/answers';
import { TextArea } from '../fields/TextArea';
import { NextButton } from './NextButton';
import type { AnswerStepProps } from './step-props';

const PART_COPY: Record<StayCalmPart, { label: MessageKey; example: MessageKey }> = {
  acknowledge: { label: 'roughStayCalmAcknowledge', example: 'roughStayCalmAcknowledgeExample' },
  pause: { label: 'roughStayCalmPause', example: 'roughStayCalmPauseExample' },
  restate: { label: 'roughStayCalmRestate', example: 'roughStayCalmRestateExample' },
  propose: { label: 'roughStayCalmPropose', example: 'roughStayCalmProposeExample' },
  'end-gracefully': { label: 'roughStayCalmEnd', example: 'roughStayCalmEndExample' },
};

/** Practice `stay-calm`: a card for the next tough moment, in the rep's own words (kept in the history). */
export function StayCalmStep({ headingRef, answers, update, onNext, last }: AnswerStepProps) {
  return (
    <section class="step">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('roughStayCalmTitle')}
      </h1>
      <p>{t('roughStayCalmBody')}</p>
      {STAY_CALM_PARTS.map((part) => (
        <TextArea
          key={part}
          id={`stay-calm-${part}`}
          rows={2}
          label={t(PART_COPY[part].label)}
          placeholder={t(PART_COPY[part].example)}
          value={answers.stayCalm?.[part]}
          onInput={(words) => update({ stayCalm: { ...answers.stayCalm, [part]: words } })}
        />
      ))}
      <NextButton onNext={onNext} last={last} />
    </section>
  );
}
