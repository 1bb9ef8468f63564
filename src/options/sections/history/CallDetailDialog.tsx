import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteCall } from '../../../db/deletion';
import { type CallDetail, callDetail, setCallRating } from '../../../db/history';
import type { ReboundDb, ResetRecord } from '../../../db/schema';
import { browserReminders } from '../../../follow-ups/browser-reminders';
import { causeLabel, tagLabel } from '../../../format/answer-labels';
import { callLengthText } from '../../../format/call-length';
import { callOriginLabel } from '../../../format/call-source-label';
import { formatDateTime } from '../../../format/date-time';
import { END_REASON_LABELS } from '../../../format/end-reason-label';
import { formatCount } from '../../../format/figures';
import { OUTCOME_LABELS } from '../../../format/outcome-label';
import { ratingLabel } from '../../../format/rating-label';
import { CALL_RATINGS, type CallRating } from '../../../messages/to-background';
import { t } from '../../../platform/i18n';
import { notifyHistoryChanged } from '../../notify-history-changed';
import { ConversationView } from './ConversationView';

interface CallDetailDialogProps {
  db: ReboundDb;
  callId: number;
  now(): number;
  onChanged(callId: number): void;
  onDeleted(callId: number): void;
  onClose(): void;
}

function ResetView({ reset }: { reset: ResetRecord }) {
  return (
    <li>
      <p>{t('historyResetAt', formatDateTime(reset.completedAt))}</p>
      {reset.moodBefore !== undefined && reset.moodAfter !== undefined && (
        <p>{t('historyMood', [formatCount(reset.moodBefore), formatCount(reset.moodAfter)])}</p>
      )}
      {reset.causes && reset.causes.length > 0 && <p>{t('historyCauses', reset.causes.map(causeLabel).join('; '))}</p>}
      {reset.lesson?.wentWell && <p>{t('historyWentWell', reset.lesson.wentWell)}</p>}
      {reset.lesson?.doDifferently && <p>{t('historyDoDifferently', reset.lesson.doDifferently)}</p>}
      {reset.stayCalm && <p>{t('historyStayCalm', Object.values(reset.stayCalm).join(' · '))}</p>}
      {reset.support?.answer && (
        <p>{t(reset.support.answer === 'talked' ? 'historySupportTalked' : 'historySupportNotNow')}</p>
      )}
      {reset.support?.note && <p>{t('historySupportNote', reset.support.note)}</p>}
    </li>
  );
}

/** A call with its resets and follow-ups; its rating can be changed and the call deleted. */
export function CallDetailDialog({ db, callId, now, onChanged, onDeleted, onClose }: CallDetailDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [detail, setDetail] = useState<CallDetail | null | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    callDetail(db, callId).then(
      (loaded) => setDetail(loaded ?? null),
      () => setStatus(t('historyLoadFailed')),
    );
  }, [db, callId]);

  const rate = (value: string) => {
    const rating = value === '' ? undefined : (value as CallRating);
    setCallRating(db, callId, rating, now()).then(
      async () => {
        setDetail((await callDetail(db, callId)) ?? null);
        setStatus(t('optionsSaved'));
        void notifyHistoryChanged();
        onChanged(callId);
      },
      () => setStatus(t('optionsSaveFailed')),
    );
  };

  const remove = () =>
    deleteCall(db, callId).then(
      (followUpIds) => {
        void browserReminders(db).forget(followUpIds);
        void notifyHistoryChanged();
        onDeleted(callId);
      },
      () => setStatus(t('historyDeleteFailed')),
    );

  const call = detail?.call;
  return (
    <dialog ref={dialog} class="call-detail" aria-labelledby="call-detail-title" onClose={onClose}>
      <h2 id="call-detail-title">{call ? formatDateTime(call.endedAt) : t('historyCallTitle')}</h2>
      {detail === null && <p>{t('historyCallGone')}</p>}
      {call && detail && (
        <>
          <dl class="facts">
            <dt>{t('historyDialer')}</dt>
            <dd>
              {callOriginLabel(call)}
              {call.host && ` (${call.host})`}
            </dd>
            <dt>{t('historyLength')}</dt>
            <dd data-testid="call-length">{callLengthText(call)}</dd>
            <dt>{t('historyEndReason')}</dt>
            <dd data-testid="call-end-reason">{t(END_REASON_LABELS[call.endReason])}</dd>
            <dt>{t('historyOutcome')}</dt>
            <dd>{t(OUTCOME_LABELS[call.outcome])}</dd>
            <dt>{t('historyTags')}</dt>
            <dd>{call.tags.length > 0 ? call.tags.map(tagLabel).join(', ') : '–'}</dd>
          </dl>
          <div class="field">
            <label for="call-detail-rating">{t('historyRating')}</label>
            <select
              id="call-detail-rating"
              value={call.rating ?? ''}
              onChange={(event) => rate(event.currentTarget.value)}
            >
              <option value="">{t('historyUnrated')}</option>
              {CALL_RATINGS.map((rating) => (
                <option key={rating} value={rating}>
                  {ratingLabel(rating)}
                </option>
              ))}
            </select>
          </div>
          <h3>{t('talkHeading')}</h3>
          <ConversationView talk={call.talk} />
          <h3>{t('historyResets')}</h3>
          {detail.resets.length === 0 ? (
            <p>{t('historyNoReset')}</p>
          ) : (
            <ul class="plain">
              {detail.resets.map((reset) => (
                <ResetView key={reset.id} reset={reset} />
              ))}
            </ul>
          )}
          <h3>{t('historyFollowUps')}</h3>
          {detail.followUps.length === 0 ? (
            <p>{t('historyNoFollowUps')}</p>
          ) : (
            <ul class="plain">
              {detail.followUps.map((followUp) => (
                <li key={followUp.id}>
                  {t('followUpLine', [followUp.who, formatDateTime(followUp.dueAt)])}
                  {followUp.note && ` — ${followUp.note}`}
                  {followUp.doneAt !== undefined && ` (${t('followUpsDone')})`}
                </li>
              ))}
            </ul>
          )}
          {confirming ? (
            <div class="confirm">
              <p>{t('historyDeleteConfirm')}</p>
              <button type="button" class="danger" onClick={remove}>
                {t('historyDeleteYes')}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
            </div>
          ) : (
            <button type="button" class="danger-outline" onClick={() => setConfirming(true)}>
              {t('historyDelete')}
            </button>
          )}
        </>
      )}
      <p class="status" role="status">
        {status}
      </p>
      <button type="button" class="link" onClick={() => dialog.current?.close()}>
        {t('close')}
      </button>
    </dialog>
  );
}
