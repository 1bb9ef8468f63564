import { useEffect, useRef } from 'preact/hooks';
import type { FollowUpRecord } from '../../db/schema';
import { formatDateTime } from '../../format/date-time';
import { t } from '../../platform/i18n';

interface FollowUpListProps {
  followUps: FollowUpRecord[];
  /** The follow-up whose notification the rep clicked: it takes focus. */
  focusId?: number;
  now: number;
  onDone(followUp: FollowUpRecord): void;
  onSnooze(followUp: FollowUpRecord): void;
  onIcs(followUp: FollowUpRecord): void;
}

export function FollowUpList({ followUps, focusId, now, onDone, onSnooze, onIcs }: FollowUpListProps) {
  const focused = useRef<HTMLLIElement>(null);
  useEffect(() => focused.current?.focus(), [focusId, followUps.length]);
  if (followUps.length === 0) return null;
  return (
    <section class="card" aria-labelledby="follow-ups-heading" data-testid="follow-ups">
      <h2 id="follow-ups-heading">{t('followUpsHeading')}</h2>
      <ul class="follow-ups">
        {followUps.map((followUp) => {
          const remindAt = followUp.snoozedUntil ?? followUp.dueAt;
          return (
            <li
              key={followUp.id}
              ref={followUp.id === focusId ? focused : undefined}
              tabIndex={followUp.id === focusId ? -1 : undefined}
              aria-labelledby={`follow-up-${followUp.id}`}
            >
              <p id={`follow-up-${followUp.id}`}>
                <strong>{followUp.who}</strong> · {formatDateTime(followUp.dueAt)}
                {remindAt <= now && <span class="due"> · {t('followUpDue')}</span>}
              </p>
              {followUp.note && <p class="meta">{followUp.note}</p>}
              {followUp.snoozedUntil !== undefined && (
                <p class="meta">{t('followUpSnoozedUntil', formatDateTime(followUp.snoozedUntil))}</p>
              )}
              <div class="row-actions">
                <button type="button" class="secondary small" onClick={() => onDone(followUp)}>
                  {t('followUpDone')}
                </button>
                <button type="button" class="secondary small" onClick={() => onSnooze(followUp)}>
                  {t('followUpSnooze')}
                </button>
                <button type="button" class="link" onClick={() => onIcs(followUp)}>
                  {t('followUpIcs')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
