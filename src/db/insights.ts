import type { EntityTable } from 'dexie';
import { MANUAL_SOURCE } from '../calls/manual-call';
import type { ReboundDb } from './schema';

export const PERIODS = ['today', '7d', '30d', 'all'] as const;
export type InsightsPeriod = (typeof PERIODS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;
/** Lessons shown for a period: the newest ones, enough to reread, never the whole table. */
const MAX_LESSONS = 20;

/** Where hours and weekdays are read: local time in the page, a fixed zone in tests. */
export interface Clock {
  hour(ms: number): number;
  /** 0 = Sunday … 6 = Saturday, as Date#getDay. */
  weekday(ms: number): number;
  startOfDay(ms: number): number;
}

export const localClock: Clock = {
  hour: (ms) => new Date(ms).getHours(),
  weekday: (ms) => new Date(ms).getDay(),
  startOfDay: (ms) => {
    const day = new Date(ms);
    day.setHours(0, 0, 0, 0);
    return day.getTime();
  },
};

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

/** Rows read per page: big enough to be fast (getAll beats a cursor), small enough to bound memory. */
const PAGE = 2000;

/**
 * Visits rows whose `index` value is in [from, to], in index order, a page at a time. Rows with
 * equal values come in primary-key order, so the ids already seen at the page boundary are skipped.
 */
async function eachByTime<T extends { id: number }>(
  table: EntityTable<T, 'id'>,
  index: 'endedAt' | 'completedAt',
  from: number,
  to: number,
  visit: (row: T) => void,
): Promise<void> {
  let lower = from;
  let seenAtLower = new Set<number>();
  for (;;) {
    const rows = await table
      .where(index)
      .between(lower, to, true, true)
      .limit(PAGE + seenAtLower.size)
      .toArray();
    const fresh = rows.filter((row) => !(seenAtLower.has(row.id) && (row as Record<string, unknown>)[index] === lower));
    if (fresh.length === 0) return;
    for (const row of fresh) visit(row);
    const last = (fresh[fresh.length - 1] as Record<string, unknown>)[index] as number;
    if (last !== lower) seenAtLower = new Set();
    lower = last;
    for (const row of fresh) if ((row as Record<string, unknown>)[index] === last) seenAtLower.add(row.id);
  }
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The figures for calls that ended in [from, now]. Both tables are walked in pages over their
 * time indexes; what stays in memory is a number per reset and per tough call, and the
 * newest lessons, so a 100,000-call history never sits in memory at once.
 */
export async function computeInsights(db: ReboundDb, from: number, now: number, clock: Clock): Promise<Insights> {
  return db.transaction('r', [db.calls, db.resets], async () => {
    const firstResetAt = new Map<number, number>();
    let resets = 0;
    let moodResets = 0;
    let moodTotal = 0;
    let lessons: Lesson[] = [];
    let lessonCount = 0;
    await eachByTime(db.resets, 'completedAt', from, now, (reset) => {
      resets += 1;
      if (reset.callId !== undefined) {
        const known = firstResetAt.get(reset.callId);
        if (known === undefined || reset.completedAt < known) firstResetAt.set(reset.callId, reset.completedAt);
      }
      if (reset.moodBefore !== undefined && reset.moodAfter !== undefined) {
        moodResets += 1;
        moodTotal += reset.moodAfter - reset.moodBefore;
      }
      const wentWell = reset.lesson?.wentWell?.trim() || undefined;
      const doDifferently = reset.lesson?.doDifferently?.trim() || undefined;
      if (wentWell || doDifferently) {
        lessonCount += 1;
        lessons.push({
          resetId: reset.id,
          callId: reset.callId,
          completedAt: reset.completedAt,
          wentWell,
          doDifferently,
        });
        // Walked oldest first: keep only the newest MAX_LESSONS as we go.
        if (lessons.length > 2 * MAX_LESSONS) lessons = lessons.slice(-MAX_LESSONS);
      }
    });

    let calls = 0;
    let loggedByHand = 0;
    let missed = 0;
    let tough = 0;
    let toughWithReset = 0;
    let streak = 0;
    let longestResetStreak = 0;
    const recoveries: number[] = [];
    const toughByHour = new Array<number>(24).fill(0);
    const toughByWeekday = new Array<number>(7).fill(0);
    await eachByTime(db.calls, 'endedAt', from, now, (call) => {
      calls += 1;
      if (call.source === MANUAL_SOURCE) loggedByHand += 1;
      if (call.missed) missed += 1;
      const resetAt = firstResetAt.get(call.id);
      if (resetAt !== undefined) recoveries.push(resetAt - call.endedAt);
      if (call.rating !== 'tough') return;
      tough += 1;
      toughByHour[clock.hour(call.endedAt)] = (toughByHour[clock.hour(call.endedAt)] ?? 0) + 1;
      toughByWeekday[clock.weekday(call.endedAt)] = (toughByWeekday[clock.weekday(call.endedAt)] ?? 0) + 1;
      if (resetAt === undefined) {
        streak = 0;
        return;
      }
      toughWithReset += 1;
      streak += 1;
      longestResetStreak = Math.max(longestResetStreak, streak);
    });

    return {
      calls,
      loggedByHand,
      missed,
      tough,
      toughShare: calls > 0 ? tough / calls : undefined,
      toughWithReset,
      resets,
      medianRecoveryMs: median(recoveries),
      moodResets,
      moodChange: moodResets > 0 ? moodTotal / moodResets : undefined,
      toughByHour,
      toughByWeekday,
      longestResetStreak,
      lessons: lessons.slice(-MAX_LESSONS).reverse(),
      lessonCount,
    };
  });
}
