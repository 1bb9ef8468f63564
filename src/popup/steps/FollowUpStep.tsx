import { useState } from 'preact/hooks';
import type { FollowUpRecord } from '../../db/schema';
import { blankFollowUpForm, dueAtFrom } from '../../follow-ups/follow-up-form';
import { errorText } from '../../format/error-text';
import { t } from '../../platform/i18n';
import type { FollowUpForm } from '../../routine/answers';
import { NextButton } from './NextButton';
import type { AnswerStepProps } from './step-props';

interface FollowUpStepProps extends AnswerStepProps {
  /** `last-word` in the went-quiet routine: the agreed day and time to close the loop. */
  lastWord: boolean;
  now(): number;
  save(form: FollowUpForm, dueAt: number): Promise<FollowUpRecord>;
  downloadIcs(followUp: FollowUpRecord): void;
}

/** A follow-up: who, when, a note. Saved at once, so its reminder is set even if the popup closes. */
export function FollowUpStep({
  headingRef,
  answers,
  update,
  onNext,
  last,
  lastWord,
  now,
  save,
  downloadIcs,
}: FollowUpStepProps) {
  const [form, setForm] = useState<FollowUpForm>(() => answers.followUp ?? blankFollowUpForm(now()));
  const [saved, setSaved] = useState<FollowUpRecord | null>(null);
  const [error, setError] = useState<string | null>(null);

  const edit = (patch: Partial<FollowUpForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    update({ followUp: next });
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const dueAt = dueAtFrom(form);
    if (dueAt === undefined) {
      setError(t('followUpNeedsTime'));
      return;
    }
    setError(null);
    save(form, dueAt).then(
      (record) => {
        setSaved(record);
        update({ followUpId: record.id });
      },
      (failure) => setError(t('followUpSaveError', errorText(failure))),
    );
  };

  const when = (ms: number) => new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section class="step">
      <h1 ref={headingRef} tabIndex={-1}>
        {t(lastWord ? 'quietLastWordTitle' : 'routineFollowUpTitle')}
      </h1>
      <p>{t(lastWord ? 'quietLastWordBody' : 'routineFollowUpBody')}</p>
      {saved || answers.followUpId !== undefined ? (
        <>
          <p class="done" role="status">
            {saved ? t('followUpSaved', when(saved.dueAt)) : t('followUpSavedEarlier')}
          </p>
          {saved && (
            <button type="button" class="secondary" onClick={() => downloadIcs(saved)}>
              {t('followUpIcs')}
            </button>
          )}
          <NextButton onNext={onNext} last={last} />
        </>
      ) : (
        <form class="follow-up-form" noValidate onSubmit={submit}>
          <div class="field">
            <label for="follow-up-who">{t('followUpWho')}</label>
            <input
              id="follow-up-who"
              type="text"
              maxLength={120}
              value={form.who}
              onInput={(e) => edit({ who: e.currentTarget.value })}
            />
          </div>
          <div class="field-row">
            <div class="field">
              <label for="follow-up-date">{t('followUpDate')}</label>
              <input
                id="follow-up-date"
                type="date"
                required
                value={form.date}
                onInput={(e) => edit({ date: e.currentTarget.value })}
              />
            </div>
            <div class="field">
              <label for="follow-up-time">{t('followUpTime')}</label>
              <input
                id="follow-up-time"
                type="time"
                required
                value={form.time}
                onInput={(e) => edit({ time: e.currentTarget.value })}
              />
            </div>
          </div>
          <div class="field">
            <label for="follow-up-note">{t('followUpNote')}</label>
            <input
              id="follow-up-note"
              type="text"
              maxLength={200}
              value={form.note}
              onInput={(e) => edit({ note: e.currentTarget.value })}
            />
          </div>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="primary big">
            {t('followUpSave')}
          </button>
        </form>
      )}
    </section>
  );
}
