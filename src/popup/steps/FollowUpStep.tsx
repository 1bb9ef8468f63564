import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { FollowUpRecord } from '../../db/schema';
import { blankFollowUpForm, dueAtFrom } from '../../follow-ups/follow-up-form';
import { formatDateTime } from '../../format/date-time';
import { errorText } from '../../format/error-text';
import { type MessageKey, t } from '../../platform/i18n';
import type { FollowUpForm } from '../../routine/answers';
import { InputField } from '../fields/InputField';
import { NextButton } from './NextButton';
import type { AnswerStepProps } from './step-props';

/**
 * What the follow-up is for: one after a call; `last-word` in the went-quiet routine (the agreed
 * day and time to close the loop); `role-play` in the rough run (practising the worst call with
 * the manager).
 */
export type FollowUpPurpose = 'follow-up' | 'last-word' | 'role-play';

const COPY: Record<FollowUpPurpose, { title: MessageKey; body: MessageKey }> = {
  'follow-up': { title: 'routineFollowUpTitle', body: 'routineFollowUpBody' },
  'last-word': { title: 'quietLastWordTitle', body: 'quietLastWordBody' },
  'role-play': { title: 'roughRolePlayTitle', body: 'roughRolePlayBody' },
};

interface FollowUpStepProps extends AnswerStepProps {
  purpose: FollowUpPurpose;
  /** The form as it first shows when the rep has not touched it yet; a blank one otherwise. */
  proposed?: FollowUpForm;
  /** Shown above the form's fields: what the follow-up is about, when the step asks. */
  children?: ComponentChildren;
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
  purpose,
  proposed,
  children,
  now,
  save,
  downloadIcs,
}: FollowUpStepProps) {
  const [form, setForm] = useState<FollowUpForm>(() => answers.followUp ?? proposed ?? blankFollowUpForm(now()));
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

  return (
    <section class="step">
      <h1 ref={headingRef} tabIndex={-1}>
        {t(COPY[purpose].title)}
      </h1>
      <p>{t(COPY[purpose].body)}</p>
      {saved || answers.followUpId !== undefined ? (
        <>
          <p class="done" role="status">
            {saved ? t('followUpSaved', formatDateTime(saved.dueAt)) : t('followUpSavedEarlier')}
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
          {children}
          <InputField
            id="follow-up-who"
            label={t('followUpWho')}
            maxLength={120}
            value={form.who}
            onInput={(who) => edit({ who })}
          />
          <div class="field-row">
            <InputField
              id="follow-up-date"
              type="date"
              required
              label={t('followUpDate')}
              value={form.date}
              onInput={(date) => edit({ date })}
            />
            <InputField
              id="follow-up-time"
              type="time"
              required
              label={t('followUpTime')}
              value={form.time}
              onInput={(time) => edit({ time })}
            />
          </div>
          <InputField
            id="follow-up-note"
            label={t('followUpNote')}
            maxLength={200}
            value={form.note}
            onInput={(note) => edit({ note })}
          />
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
