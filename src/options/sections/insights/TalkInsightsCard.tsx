import { useEffect, useState } from 'preact/hooks';
import { type Clock, type InsightsPeriod, periodStart } from '../../../db/insights';
import type { ReboundDb } from '../../../db/schema';
import { type TalkByRating, type TalkInsights, talkInsights } from '../../../db/talk-insights';
import { formatDuration } from '../../../format/duration';
import { formatCount, formatPercent } from '../../../format/figures';
import { ratingLabel } from '../../../format/rating-label';
import type { CallRating } from '../../../messages/to-background';
import { t } from '../../../platform/i18n';

interface TalkInsightsCardProps {
  db: ReboundDb;
  period: InsightsPeriod;
  now(): number;
  clock: Clock;
}

function RatingRow({ rating, figures }: { rating: CallRating; figures: TalkByRating }) {
  if (figures.calls === 0) return null;
  return (
    <li>
      {t('insightsTalkRow', [
        ratingLabel(rating),
        figures.meanTalkShare === undefined ? '–' : formatPercent(figures.meanTalkShare),
        formatDuration(figures.meanOvertalkS * 1000),
        formatCount(figures.calls),
      ])}
    </li>
  );
}

/** How tough and fine calls sounded, and whether resets after rough-sounding calls help the rep bounce back. */
export function TalkInsightsCard({ db, period, now, clock }: TalkInsightsCardProps) {
  const [insights, setInsights] = useState<TalkInsights | null>(null);

  useEffect(() => {
    let current = true;
    const at = now();
    talkInsights(db, periodStart(period, at, clock), at).then(
      (loaded) => current && setInsights(loaded),
      () => current && setInsights(null),
    );
    return () => {
      current = false;
    };
  }, [db, period, now, clock]);

  if (!insights) return null;
  const { nextGoodAfterResetMs: after, nextGoodWithoutResetMs: without } = insights;
  return (
    <section class="talk-insights" aria-labelledby="talk-insights-heading">
      <h2 id="talk-insights-heading">{t('insightsTalkHeading')}</h2>
      {insights.withFigures === 0 ? (
        <p>{t('insightsTalkNone')}</p>
      ) : (
        <>
          <ul class="plain">
            <RatingRow rating="tough" figures={insights.tough} />
            <RatingRow rating="fine" figures={insights.fine} />
          </ul>
          <p>
            {after !== undefined && without !== undefined
              ? t('insightsRoughReset', [formatDuration(after), formatDuration(without)])
              : t('insightsRoughResetUnknown')}
          </p>
        </>
      )}
    </section>
  );
}
