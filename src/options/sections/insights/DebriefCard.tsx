import type { Insights } from '../../../db/insights';
import type { FollowUpRecord } from '../../../db/schema';
import { formatDateTime } from '../../../format/date-time';
import { formatDuration } from '../../../format/duration';
import { formatCount, formatSigned } from '../../../format/figures';
import { t } from '../../../platform/i18n';

interface DebriefCardProps {
  today: Insights;
  comingUp: FollowUpRecord[];
}

/** The end-of-day debrief: today in a few sentences, what was learned, and what is due next. */
export function DebriefCard({ today, comingUp }: DebriefCardProps) {
  return (
    <article class="card debrief" aria-labelledby="debrief-title">
      <h2 id="debrief-title">{t('debriefTitle')}</h2>
      {today.calls === 0 ? (
        <p>{t('debriefNoCalls')}</p>
      ) : (
        <>
          <p>{t('debriefCalls', [formatCount(today.calls), formatCount(today.tough)])}</p>
          {today.tough > 0 && (
            <p>{t('debriefResets', [formatCount(today.toughWithReset), formatCount(today.tough)])}</p>
          )}
          {today.medianRecoveryMs !== undefined && (
            <p>{t('debriefRecovery', formatDuration(today.medianRecoveryMs))}</p>
          )}
          {today.moodChange !== undefined && <p>{t('debriefMood', formatSigned(today.moodChange))}</p>}
        </>
      )}
      {today.lessons.length > 0 && (
        <>
          <h3>{t('debriefLessons')}</h3>
          <ul>
            {today.lessons.map((lesson) => (
              <li key={lesson.resetId}>{lesson.doDifferently ?? lesson.wentWell}</li>
            ))}
          </ul>
        </>
      )}
      {comingUp.length > 0 && (
        <>
          <h3>{t('debriefComingUp')}</h3>
          <ul>
            {comingUp.map((followUp) => (
              <li key={followUp.id}>
                {t('followUpLine', [followUp.who, formatDateTime(followUp.dueAt)])}
                {followUp.note && ` — ${followUp.note}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
