import { type Clock, nextDayStart } from './day-clock';
import { buildRollups, firstResetTimes, hasLesson, sumRollups } from './day-rollups';
import { newestPackedResets, packedCallsBetween, packedResetsBetween, packedResetsOfCalls } from './packs/packed-reads';
import { newestResetFirst } from './packs/row-order';
import type { ReboundDb, ResetRecord } from './schema';

export const PERIODS = ['today', '7d', '30d', 'all'] as const;
export type InsightsPeriod = (typeof PERIODS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;
/** Lessons shown for a period: the newest ones, enough to reread, never the whole table. */
const MAX_LESSONS = 20;

export type { Clock } from './day-clock';
export { localClock } from './day-clock';

export function periodStart(period: InsightsPeriod, now: number, clock: Clock): number {
  switch (period) {
    case 'today':
      return clock.startOfDay(now);
    case '7d':
      return now - 7 * DAY_MS;
    case '30d':
      return now - 30 * DAY_MS;
    case 'all':
      return 0;
  }
}

export interface Lesson {
  resetId: number;
  callId?: number;
  completedAt: number;
  wentWell?: string;
  doDifferently?: string;
}

export interface Insights {
  calls: number;
  /** Of those, calls the rep logged by hand, and how many of those Rebound missed. */
  loggedByHand: number;
  missed: number;
  tough: number;
  /** tough ÷ calls, undefined with no calls. */
  toughShare?: number;
  /** Tough calls that a reset followed. */
  toughWithReset: number;
  resets: number;
  /** Call end → reset done, the median over calls with a reset; undefined with none. */
  medianRecoveryMs?: number;
  /** Resets that recorded mood before and after, and the mean of after − before over them. */
  moodResets: number;
  moodChange?: number;
  toughByHour: number[];
  toughByWeekday: number[];
  /** The longest run of consecutive tough calls, in time order, each followed by a reset. */
  longestResetStreak: number;
  /** Newest first, at most MAX_LESSONS; lessonCount says how many the period holds. */
  lessons: Lesson[];
  lessonCount: number;
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const toLesson = (reset: ResetRecord): Lesson => ({
  resetId: reset.id,
  callId: reset.callId,
  completedAt: reset.completedAt,
  wentWell: reset.lesson?.wentWell?.trim() || undefined,
  doDifferently: reset.lesson?.doDifferently?.trim() || undefined,
});

/**
 * The figures for calls and resets in [from, now]. Whole days come from the daily roll-ups (a
 * few hundred rows for years of history); only a period's first, partial day (7 and 30 days
 * start mid-day) is read row by row. A call counts its first reset wherever that reset falls.
 */
export async function computeInsights(db: ReboundDb, from: number, now: number, clock: Clock): Promise<Insights> {
  return db.transaction('r', [db.calls, db.resets, db.dayRollups, db.callPacks, db.resetPacks], async () => {
    const firstWholeDay = clock.startOfDay(from) === from ? from : nextDayStart(clock.startOfDay(from), clock);
    const partialEnd = Math.min(firstWholeDay - 1, now);
    const partial =
      partialEnd >= from
        ? await (async () => {
            const calls = [
              ...(await db.calls.where('endedAt').between(from, partialEnd, true, true).toArray()),
              ...(await packedCallsBetween(db, from, partialEnd)),
            ];
            const ids = calls.map((call) => call.id);
            const theirResets = [
              ...(await db.resets.where('callId').anyOf(ids).toArray()),
              ...(await packedResetsOfCalls(db, ids)),
            ];
            const resets = [
              ...(await db.resets.where('completedAt').between(from, partialEnd, true, true).toArray()),
              ...(await packedResetsBetween(db, from, partialEnd)),
            ];
            return buildRollups(calls, resets, firstResetTimes(theirResets), clock);
          })()
        : [];
    const whole = await db.dayRollups.where('day').between(firstWholeDay, now, true, true).toArray();
    const totals = sumRollups([...partial, ...whole], clock);
    const lessons = [
      ...(await db.resets
        .where('completedAt')
        .between(from, now, true, true)
        .reverse()
        .filter(hasLesson)
        .limit(MAX_LESSONS)
        .toArray()),
      ...(await newestPackedResets(db, from, now, hasLesson, MAX_LESSONS)),
    ]
      .sort(newestResetFirst)
      .slice(0, MAX_LESSONS);
    return {
      calls: totals.calls,
      loggedByHand: totals.loggedByHand,
      missed: totals.missed,
      tough: totals.tough,
      toughShare: totals.calls > 0 ? totals.tough / totals.calls : undefined,
      toughWithReset: totals.toughWithReset,
      resets: totals.resets,
      medianRecoveryMs: median(totals.recoveriesMs),
      moodResets: totals.moodResets,
      moodChange: totals.moodResets > 0 ? totals.moodTotal / totals.moodResets : undefined,
      toughByHour: totals.toughByHour,
      toughByWeekday: totals.toughByWeekday,
      longestResetStreak: totals.longestResetStreak,
      lessons: lessons.map(toLesson),
      lessonCount: totals.lessons,
    };
  });
}
