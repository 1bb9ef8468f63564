import { supportContactOf } from '../../messages/escalation';
import { t } from '../../platform/i18n';
import type { SupportAnswer } from '../../routine/answers';
import { SupportContact } from '../../shared-ui/SupportContact';
import { TextArea } from '../fields/TextArea';
import { NextButton } from './NextButton';
import type { AnswerStepProps } from './step-props';

interface SupportStepProps extends AnswerStepProps {
  /** The support contact as typed in Options: a name, or a link (https, mailto, tel). */
  supportContact: string;
}

/**
 * Practice `support`: reach the person the rep named, or write two lines to yourself. Talking to
 * someone and "not now" are both fine answers; either is kept in the history.
 */
export function SupportStep({ headingRef, answers, update, onNext, last, supportContact }: SupportStepProps) {
  const contact = supportContactOf(supportContact);
  const answer = (support: SupportAnswer) => update({ support });

  return (
    <section class="step">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('roughSupportTitle')}
      </h1>
      <p>{t('roughSupportBody')}</p>
      {contact ? <SupportContact contact={contact} /> : <p class="hint">{t('roughSupportNoContact')}</p>}
      <fieldset class="choices">
        <legend class="visually-hidden">{t('roughSupportAnswerLegend')}</legend>
        <button
          type="button"
          class="secondary"
          aria-pressed={answers.support === 'talked'}
          onClick={() => answer('talked')}
        >
          {t('roughSupportTalked')}
        </button>
        <button
          type="button"
          class="secondary"
          aria-pressed={answers.support === 'not-now'}
          onClick={() => answer('not-now')}
        >
          {t('roughSupportNotNow')}
        </button>
      </fieldset>
      {answers.support && (
        <p class="done" role="status">
          {t(answers.support === 'talked' ? 'roughSupportTalkedThanks' : 'roughSupportNotNowThanks')}
        </p>
      )}
      <TextArea
        id="support-note"
        rows={2}
        label={t('roughSupportNoteLabel')}
        value={answers.supportNote}
        onInput={(supportNote) => update({ supportNote })}
      />
      <NextButton onNext={onNext} last={last} />
    </section>
  );
}
