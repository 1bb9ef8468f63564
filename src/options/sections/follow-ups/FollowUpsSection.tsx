import './follow-ups.css';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type FollowUpGroups, followUpGroups, setFollowUpDone } from '../../../db/follow-ups';
import type { FollowUpRecord, ReboundDb } from '../../../db/schema';
import { formatDateTime } from '../../../format/date-time';
import { type MessageKey, t } from '../../../platform/i18n';
import { notifyHistoryChanged } from '../../notify-history-changed';
import { optionsDb } from '../../options-db';

interface FollowUpsSectionProps {
  db: ReboundDb;
  now: () => number;
}

const GROUPS: { key: keyof FollowUpGroups; title: MessageKey; empty: MessageKey }[] = [
  { key: 'overdue', title: 'followUpsOverdue', empty: 'followUpsNoneOverdue' },
  { key: 'due', title: 'followUpsDue', empty: 'followUpsNoneDue' },
  { key: 'done', title: 'followUpsDone', empty: 'followUpsNoneDone' },
];

/** The people the rep promised to get back to: overdue, coming up, and done. */
export function FollowUpsView({ db, now }: FollowUpsSectionProps) {
  const [groups, setGroups] = useState<FollowUpGroups | null>(null);
  const [status, setStatus] = useState('');

  const reload = useCallback(
    () => followUpGroups(db, now()).then(setGroups, () => setStatus(t('followUpsLoadFailed'))),
    [db, now],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const toggle = (followUp: FollowUpRecord) =>
    setFollowUpDone(db, followUp.id, followUp.doneAt === undefined ? now() : undefined).then(
      () => {
        void notifyHistoryChanged();
        return reload();
      },
      () => setStatus(t('optionsSaveFailed')),
    );

  if (!groups) return <p aria-busy="true">{status}</p>;
  return (
    <section class="follow-ups">
      {GROUPS.map((group) => (
        <section key={group.key} aria-labelledby={`follow-ups-${group.key}`}>
          <h2 id={`follow-ups-${group.key}`}>
            {t(group.title)} ({groups[group.key].length})
          </h2>
          {groups[group.key].length === 0 ? (
            <p class="status">{t(group.empty)}</p>
          ) : (
            <ul class="plain follow-up-list">
              {groups[group.key].map((followUp) => (
                <li key={followUp.id} class={group.key === 'overdue' ? 'overdue' : undefined}>
                  <span>
                    <strong>{followUp.who}</strong> · {formatDateTime(followUp.dueAt)}
                    {followUp.note && <span class="history-muted"> — {followUp.note}</span>}
                  </span>
                  <button type="button" onClick={() => toggle(followUp)}>
                    {followUp.doneAt === undefined
                      ? t('followUpsMarkDone', followUp.who)
                      : t('followUpsReopen', followUp.who)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}

export function FollowUpsSection() {
  return <FollowUpsView db={optionsDb()} now={Date.now} />;
}
