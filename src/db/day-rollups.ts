/**
 * Daily roll-ups: what Insights needs from one local day's calls and resets, small enough that
 * "all time" reads a few hundred of them instead of every row. A roll-up is a pure function of
 * the rows; day-rollup-upkeep.ts keeps the stored ones equal to it on every write.
 */
import { MANUAL_SOURCE } from '../calls/manual-call';
import type { Clock } from './day-clock';
import type { CallRecord, ResetRecord } from './schema';

/**
 * The day's tough calls in time order, seen as runs of "followed by a reset": the run it starts
 * with, the run it ends with, its longest, and whether a tough call without a reset broke it.
 * Days chain: an unbroken day carries the run from the day before into the next.
 */
export interface StreakPart {
  head: number;
  tail: number;
  best: number;
  broken: boolean;
}

export interface DayRollup {
  /** The local day's start, epoch ms: the key. */
  day: number;
  /** Calls that ended this day, and of them the tough ones and the tough ones a reset followed. */
  calls: number;
  /** Of those, calls the rep logged by hand, and those Rebound missed. */
  loggedByHand: number;
  missed: number;
  tough: number;
  toughWithReset: number;
  toughByHour: number[];
  /** Call end → its first reset, for this day's calls that have one. */
  recoveriesMs: number[];
  streak: StreakPart;
  /** Resets completed this day; those with both moods and their summed change; those with a lesson. */
  resets: number;
  moodResets: number;
  moodTotal: number;
  lessons: number;
  /** Dialers of this day's calls, sorted, so the list of dialers needs no scan of the calls. */
  sources: string[];
}

export const hasLesson = (reset: ResetRecord): boolean =>
  Boolean(reset.lesson?.wentWell?.trim() || reset.lesson?.doDifferently?.trim());

export function emptyRollup(day: number): DayRollup {
  return {
    day,
    calls: 0,
    loggedByHand: 0,
    missed: 0,
    tough: 0,
    toughWithReset: 0,
    toughByHour: new Array<number>(24).fill(0),
    recoveriesMs: [],
    streak: { head: 0, tail: 0, best: 0, broken: false },
    resets: 0,
    moodResets: 0,
    moodTotal: 0,
    lessons: 0,
    sources: [],
  };
}

/**
 * A day's roll-up once plain new calls (not tough, no reset names them yet) are added: they only
 * count, by hand, missed, and by dialer. The Dexie upkeep and the background's own call writes
 * (call-writes.ts) both go through here, so the two cannot count a call differently.
 */
export function withNewCalls(rollup: DayRollup, added: readonly CallRecord[]): DayRollup {
  const sources = [...rollup.sources];
  for (const call of added) if (!sources.includes(call.source)) sources.push(call.source);
  return {
    ...rollup,
    calls: rollup.calls + added.length,
    loggedByHand: rollup.loggedByHand + added.filter((call) => call.source === MANUAL_SOURCE).length,
    missed: rollup.missed + added.filter((call) => call.missed).length,
    sources: sources.sort(),
  };
}

/** The first reset's completion for each call id among `resets`. */
export function firstResetTimes(resets: Iterable<ResetRecord>): Map<number, number> {
  const first = new Map<number, number>();
  for (const reset of resets) {
    if (reset.callId === undefined) continue;
    const known = first.get(reset.callId);
    if (known === undefined || reset.completedAt < known) first.set(reset.callId, reset.completedAt);
  }
  return first;
}

/**
 * Roll-ups for the days of `calls` (by end) and `resets` (by completion). `firstResetAt` holds the
 * first reset of each call, wherever that reset falls. Days with no rows get none.
 */
export function buildRollups(
  calls: readonly CallRecord[],
  resets: readonly ResetRecord[],
  firstResetAt: ReadonlyMap<number, number>,
  clock: Clock,
): DayRollup[] {
  const days = new Map<number, DayRollup>();
  const dayOf = (ms: number) => {
    const day = clock.startOfDay(ms);
    let rollup = days.get(day);
    if (!rollup) {
      rollup = emptyRollup(day);
      days.set(day, rollup);
    }
    return rollup;
  };
  const inTimeOrder = [...calls].sort((a, b) => a.endedAt - b.endedAt || a.id - b.id);
  for (const call of inTimeOrder) {
    const rollup = dayOf(call.endedAt);
    rollup.calls += 1;
    if (call.source === MANUAL_SOURCE) rollup.loggedByHand += 1;
    if (call.missed) rollup.missed += 1;
    if (!rollup.sources.includes(call.source)) rollup.sources.push(call.source);
    const resetAt = firstResetAt.get(call.id);
    if (resetAt !== undefined) rollup.recoveriesMs.push(resetAt - call.endedAt);
    if (call.rating !== 'tough') continue;
    rollup.tough += 1;
    const hour = clock.hour(call.endedAt);
    rollup.toughByHour[hour] = (rollup.toughByHour[hour] ?? 0) + 1;
    const streak = rollup.streak;
    if (resetAt === undefined) {
      streak.broken = true;
      streak.tail = 0;
      continue;
    }
    rollup.toughWithReset += 1;
    if (!streak.broken) streak.head += 1;
    streak.tail += 1;
    streak.best = Math.max(streak.best, streak.tail);
  }
  for (const reset of resets) {
    const rollup = dayOf(reset.completedAt);
    rollup.resets += 1;
    if (reset.moodBefore !== undefined && reset.moodAfter !== undefined) {
      rollup.moodResets += 1;
      rollup.moodTotal += reset.moodAfter - reset.moodBefore;
    }
    if (hasLesson(reset)) rollup.lessons += 1;
  }
  for (const rollup of days.values()) rollup.sources.sort();
  return [...days.values()].sort((a, b) => a.day - b.day);
}

export interface RollupTotals {
  calls: number;
  loggedByHand: number;
  missed: number;
  tough: number;
  toughWithReset: number;
  toughByHour: number[];
  toughByWeekday: number[];
  recoveriesMs: number[];
  longestResetStreak: number;
  resets: number;
  moodResets: number;
  moodTotal: number;
  lessons: number;
}

/** Adds up roll-ups given oldest day first; streaks chain across days. */
export function sumRollups(rollups: readonly DayRollup[], clock: Clock): RollupTotals {
  const totals: RollupTotals = {
    calls: 0,
    loggedByHand: 0,
    missed: 0,
    tough: 0,
    toughWithReset: 0,
    toughByHour: new Array<number>(24).fill(0),
    toughByWeekday: new Array<number>(7).fill(0),
    recoveriesMs: [],
    longestResetStreak: 0,
    resets: 0,
    moodResets: 0,
    moodTotal: 0,
    lessons: 0,
  };
  let run = 0;
  for (const rollup of rollups) {
    totals.calls += rollup.calls;
    totals.loggedByHand += rollup.loggedByHand;
    totals.missed += rollup.missed;
    totals.tough += rollup.tough;
    totals.toughWithReset += rollup.toughWithReset;
    rollup.toughByHour.forEach((count, hour) => {
      totals.toughByHour[hour] = (totals.toughByHour[hour] ?? 0) + count;
    });
    const weekday = clock.weekday(rollup.day);
    totals.toughByWeekday[weekday] = (totals.toughByWeekday[weekday] ?? 0) + rollup.tough;
    for (const recovery of rollup.recoveriesMs) totals.recoveriesMs.push(recovery);
    totals.resets += rollup.resets;
    totals.moodResets += rollup.moodResets;
    totals.moodTotal += rollup.moodTotal;
    totals.lessons += rollup.lessons;
    const { head, tail, best, broken } = rollup.streak;
    totals.longestResetStreak = Math.max(totals.longestResetStreak, run + head, best);
    run = broken ? tail : run + head;
  }
  return totals;
}

/** Every day's roll-up from the whole tables: the upgrade's build and the check's reference. */
export const rollupsFromScratch = (
  calls: readonly CallRecord[],
  resets: readonly ResetRecord[],
  clock: Clock,
): DayRollup[] => buildRollups(calls, resets, firstResetTimes(resets), clock);
