import { useEffect, useState } from 'preact/hooks';
import { toughCallsSince } from '../../db/calls';
import type { CallRecord, FollowUpRecord, ReboundDb } from '../../db/schema';
import { startOfDay } from '../../db/today';
import { dialerLabel } from '../../dialers/dialer-label';
import { blankFollowUpForm } from '../../follow-ups/follow-up-form';
import { formatTime } from '../../format/date-time';
import { formatDuration } from '../../format/duration';
import { t } from '../../platform/i18n';
import type { FollowUpForm } from '../../routine/answers';
import { FollowUpStep } from './FollowUpStep';
import type { AnswerStepProps } from './step-props';

interface RolePlayStepProps extends AnswerStepProps {
  db: ReboundDb;
  now(): number;
  /** Saves the follow-up about `callId`, the call to practise. */
  save(form: FollowUpForm, dueAt: number, callId?: number): Promise<FollowUpRecord>;
  downloadIcs(followUp: FollowUpRecord): void;
}

/** "14:05 · HubSpot calling · 4:12": enough to tell today's calls apart, nothing about who. */
function callLine(call: CallRecord): string {
  const at = formatTime(call.endedAt);
  const length = call.durationMs === undefined ? t('callLengthUnknown') : formatDuration(call.durationMs);
  return t('roughRolePlayCall', [at, t('callMeta', [dialerLabel(call.source), length])]);
}

/**
 * Practice `role-play`: ask the manager to practise the call that went worst today, as a
 * follow-up with a date (its reminder and .ics like any other). The rep picks which call that
 * was; the newest tough one is proposed.
 */
export function RolePlayStep({ db, now, save, answers, update, ...step }: RolePlayStepProps) {
  const [calls, setCalls] = useState<CallRecord[] | null>(null);

  useEffect(() => {
    toughCallsSince(db, startOfDay(now())).then(setCalls, () => setCalls([]));
  }, [db, now]);

  const picked = calls?.find((call) => call.callKey === answers.worstCallKey) ?? calls?.[0];
  const proposed: FollowUpForm = { ...blankFollowUpForm(now()), who: t('roughRolePlayWho') };

  return (
    <FollowUpStep
      {...step}
      answers={answers}
      update={update}
      purpose="role-play"
      proposed={proposed}
      now={now}
      save={(form, dueAt) =>
        save(
          { ...form, note: form.note.trim() || (picked ? t('roughRolePlayNote', callLine(picked)) : '') },
          dueAt,
          picked?.id,
        )
      }
    >
      {calls && calls.length > 0 ? (
        <fieldset class="field">
          <legend>{t('roughRolePlayPick')}</legend>
          {calls.map((call) => (
            <label key={call.callKey} class="check">
              <input
                type="radio"
                name="worst-call"
                checked={call.callKey === picked?.callKey}
                onChange={() => update({ worstCallKey: call.callKey })}
              />
              {callLine(call)}
            </label>
          ))}
        </fieldset>
      ) : (
        calls && <p class="hint">{t('roughRolePlayNoCalls')}</p>
      )}
    </FollowUpStep>
  );
}
