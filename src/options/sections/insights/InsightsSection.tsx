import './insights.css';
import { useEffect, useState } from 'preact/hooks';
import { openFollowUpsDueBetween } from '../../../db/follow-ups';
import {
  type Clock,
  computeInsights,
  type Insights,
  type InsightsPeriod,
  localClock,
  PERIODS,
  periodStart,
} from '../../../db/insights';
import type { FollowUpRecord, ReboundDb } from '../../../db/schema';
import { formatDateTime, hourLabels, weekdayNames } from '../../../format/date-time';
import { formatDuration } from '../../../format/duration';
import { formatCount, formatPercent, formatSigned } from '../../../format/figures';
import { type MessageKey, t } from '../../../platform/i18n';
import { optionsDb } from '../../options-db';
import { useHistoryVersion } from '../../use-history-version';
import { BarChart } from './BarChart';
import { DebriefCard } from './DebriefCard';
import { TalkInsightsCard } from './TalkInsightsCard';

const PERIOD_LABELS: Record<InsightsPeriod, MessageKey> = {
  today: 'insightsToday',
  '7d': 'insights7Days',
  '30d': 'insights30Days',
  all: 'insightsAll',
};
const DAY_MS = 24 * 60 * 60 * 1000;

interface InsightsSectionProps {
  db: ReboundDb;
  now: () => number;
  clock: Clock;
}

interface Loaded {
  period: Insights;
  today: Insights;
  comingUp: FollowUpRecord[];
}

function Figures({ insights }: { insights: Insights }) {
  const none = '–';
  return (
    <dl class="figures">
      <div>
        <dt>{t('insightsCalls')}</dt>
        <dd>{formatCount(insights.calls)}</dd>
      </div>
      {insights.loggedByHand > 0 && (
        <div>
          <dt>{t('insightsLoggedByHand')}</dt>
          <dd data-testid="insights-logged-by-hand">
            {t('insightsLoggedByHandValue', [formatCount(insights.loggedByHand), formatCount(insights.missed)])}
          </dd>
        </div>
      )}
      <div>
        <dt>{t('insightsTough')}</dt>
        <dd>
          {insights.toughShare === undefined
            ? none
            : t('insightsToughValue', [formatCount(insights.tough), formatPercent(insights.toughShare)])}
        </dd>
      </div>
      <div>
        <dt>{t('insightsResetsAfterTough')}</dt>
        <dd>{t('insightsOutOf', [formatCount(insights.toughWithReset), formatCount(insights.tough)])}</dd>
      </div>
      <div>
        <dt>{t('insightsRecovery')}</dt>
        <dd>{insights.medianRecoveryMs === undefined ? none : formatDuration(insights.medianRecoveryMs)}</dd>
      </div>
      <div>
        <dt>{t('insightsMood')}</dt>
        <dd>
          {insights.moodChange === undefined
            ? none
            : t('insightsMoodValue', [formatSigned(insights.moodChange), formatCount(insights.moodResets)])}
        </dd>
      </div>
      <div>
        <dt>{t('insightsStreak')}</dt>
        <dd>{formatCount(insights.longestResetStreak)}</dd>
      </div>
    </dl>
  );
}

/** The rep's patterns over a period, and the end-of-day debrief. */
export function InsightsView({ db, now, clock }: InsightsSectionProps) {
  const [period, setPeriod] = useState<InsightsPeriod>('7d');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const version = useHistoryVersion();

  useEffect(() => {
    let current = true;
    const at = now();
    const load = async (): Promise<Loaded> => {
      const today = await computeInsights(db, periodStart('today', at, clock), at, clock);
      const chosen = period === 'today' ? today : await computeInsights(db, periodStart(period, at, clock), at, clock);
      const comingUp = await openFollowUpsDueBetween(db, clock.startOfDay(at), clock.startOfDay(at) + 2 * DAY_MS);
      return { period: chosen, today, comingUp };
    };
    load().then(
      (result) => current && setLoaded(result),
      () => setError(t('insightsLoadFailed')),
    );
    return () => {
      current = false;
    };
  }, [db, now, clock, period, version]);

  const weekdays = weekdayNames();
  return (
    <section class="insights">
      <fieldset class="segmented">
        <legend class="visually-hidden">{t('insightsPeriod')}</legend>
        {PERIODS.map((value) => (
          <button key={value} type="button" aria-pressed={value === period} onClick={() => setPeriod(value)}>
            {t(PERIOD_LABELS[value])}
          </button>
        ))}
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!loaded ? (
        <p aria-busy="true" />
      ) : (
        <>
          <DebriefCard today={loaded.today} comingUp={loaded.comingUp} />
          <Figures insights={loaded.period} />
          <BarChart
            title={t('insightsByHour')}
            labelHeading={t('insightsHour')}
            valueHeading={t('insightsToughCalls')}
            labels={hourLabels()}
            values={loaded.period.toughByHour}
            labelEvery={3}
          />
          <BarChart
            title={t('insightsByWeekday')}
            labelHeading={t('insightsWeekday')}
            valueHeading={t('insightsToughCalls')}
            labels={weekdays}
            values={loaded.period.toughByWeekday}
          />
          <TalkInsightsCard db={db} period={period} now={now} clock={clock} />
          <h2>{t('insightsLessons')}</h2>
          {loaded.period.lessons.length === 0 ? (
            <p>{t('insightsNoLessons')}</p>
          ) : (
            <>
              <ul class="lessons">
                {loaded.period.lessons.map((lesson) => (
                  <li key={lesson.resetId}>
                    <time>{formatDateTime(lesson.completedAt)}</time>
                    {lesson.wentWell && <p>{t('historyWentWell', lesson.wentWell)}</p>}
                    {lesson.doDifferently && <p>{t('historyDoDifferently', lesson.doDifferently)}</p>}
                  </li>
                ))}
              </ul>
              {loaded.period.lessonCount > loaded.period.lessons.length && (
                <p class="status">
                  {t('insightsMoreLessons', [
                    formatCount(loaded.period.lessons.length),
                    formatCount(loaded.period.lessonCount),
                  ])}
                </p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

export function InsightsSection() {
  return <InsightsView db={optionsDb()} now={Date.now} clock={localClock} />;
}
