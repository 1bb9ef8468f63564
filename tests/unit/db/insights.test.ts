import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualCall } from '../../../src/calls/manual-call';
import { recordManualCall } from '../../../src/db/calls';
import { computeInsights, type Insights, median, periodStart } from '../../../src/db/insights';
import type { ReboundDb } from '../../../src/db/schema';
import { CALLS, NOW, openFixtureDb, RESETS, utcClock } from './history-fixture';

let db: ReboundDb;
const MIN = 60_000;

beforeEach(async () => {
  db = await openFixtureDb('insights');
});
afterEach(() => db.delete());

const hours = (entries: Record<number, number>) => Array.from({ length: 24 }, (_, hour) => entries[hour] ?? 0);
const weekdays = (entries: Record<number, number>) => Array.from({ length: 7 }, (_, day) => entries[day] ?? 0);
const insightsFor = (period: 'today' | '7d' | '30d' | 'all') =>
  computeInsights(db, periodStart(period, NOW, utcClock), NOW, utcClock);

describe('insights, worked out by hand from the fixture', () => {
  it('today: calls 1–5 and the quick reset at noon', async () => {
    const today = await insightsFor('today');
    expect(today).toEqual<Insights>({
      calls: 5,
      loggedByHand: 0,
      missed: 0,
      tough: 3,
      toughShare: 3 / 5,
      toughWithReset: 2,
      resets: 4,
      // Recoveries 2, 5 and 1 minutes.
      medianRecoveryMs: 2 * MIN,
      // +2, +1 and +2 over three resets with both moods.
      moodResets: 3,
      moodChange: 5 / 3,
      toughByHour: hours({ 9: 1, 11: 1, 14: 1 }),
      toughByWeekday: weekdays({ 3: 3 }),
      // Tough calls 1 (reset), 3 (reset), 4 (none).
      longestResetStreak: 2,
      lessons: [
        {
          resetId: 2,
          callId: 3,
          completedAt: RESETS[1]?.completedAt as number,
          doDifferently: 'Ask about budget earlier',
        },
        { resetId: 1, callId: 1, completedAt: RESETS[0]?.completedAt as number, wentWell: 'Stayed calm' },
      ],
      lessonCount: 2,
    });
  });

  it('7 days and 30 days: calls 1–8 (call 9 is from October)', async () => {
    for (const period of ['7d', '30d'] as const) {
      const figures = await insightsFor(period);
      expect(figures.calls).toBe(8);
      expect(figures.tough).toBe(5);
      expect(figures.toughShare).toBe(5 / 8);
      expect(figures.toughWithReset).toBe(4);
      expect(figures.resets).toBe(6);
      // Recoveries 1, 2, 3, 5, 10 minutes.
      expect(figures.medianRecoveryMs).toBe(3 * MIN);
      expect(figures.moodResets).toBe(4);
      expect(figures.moodChange).toBe(5 / 4);
      expect(figures.toughByHour).toEqual(hours({ 9: 2, 11: 1, 14: 1, 16: 1 }));
      expect(figures.toughByWeekday).toEqual(weekdays({ 2: 1, 3: 3, 5: 1 }));
      // Tough calls in time order: 7, 6, 1, 3 with resets, then 4 without.
      expect(figures.longestResetStreak).toBe(4);
      expect(figures.lessonCount).toBe(2);
    }
  });

  it('all time: every call, an even count of recoveries takes the mean of the middle two', async () => {
    const all = await insightsFor('all');
    expect(all.calls).toBe(9);
    expect(all.tough).toBe(6);
    expect(all.toughWithReset).toBe(5);
    expect(all.resets).toBe(7);
    // Recoveries 1, 2, 3, 4, 5, 10 minutes.
    expect(all.medianRecoveryMs).toBe(3.5 * MIN);
    expect(all.toughByWeekday).toEqual(weekdays({ 2: 1, 3: 3, 4: 1, 5: 1 }));
    expect(all.longestResetStreak).toBe(5);
    expect(all.lessons.map((lesson) => lesson.resetId)).toEqual([2, 1, 7]);
  });

  it('an empty period has counts of zero and no share, median or mood', async () => {
    const empty = await computeInsights(db, NOW + 1, NOW + 2, utcClock);
    expect(empty.calls).toBe(0);
    expect(empty.toughShare).toBeUndefined();
    expect(empty.medianRecoveryMs).toBeUndefined();
    expect(empty.moodChange).toBeUndefined();
    expect(empty.lessons).toEqual([]);
  });

  it('keeps only the newest 20 lessons of a long period, and counts them all', async () => {
    await db.resets.bulkAdd(
      Array.from({ length: 45 }, (_, index) => ({
        id: 100 + index,
        kind: 'quick' as const,
        startedAt: NOW - 1000 * (index + 2),
        completedAt: NOW - 1000 * (index + 1),
        steps: [],
        lesson: { wentWell: `lesson ${index}` },
      })),
    );
    const today = await insightsFor('today');
    expect(today.lessonCount).toBe(47);
    expect(today.lessons).toHaveLength(20);
    expect(today.lessons[0]?.wentWell).toBe('lesson 0');
  });
});

it('counts calls logged by hand among the calls, and those Rebound missed among them', async () => {
  const before = await insightsFor('today');
  await recordManualCall(db, manualCall({ device: 'phone', durationMs: 5 * MIN }, NOW - 10 * MIN, 'a'));
  await recordManualCall(db, manualCall({ missed: true }, NOW - 5 * MIN, 'b'));
  const after = await insightsFor('today');
  expect(after.calls).toBe(before.calls + 2);
  expect(after).toMatchObject({ loggedByHand: 2, missed: 1 });
  expect(before).toMatchObject({ loggedByHand: 0, missed: 0 });
});

it('median of odd, even and empty lists', () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([])).toBeUndefined();
});

it('periods start at local midnight, 7 and 30 days back, or the beginning', () => {
  expect(periodStart('today', NOW, utcClock)).toBe(Date.UTC(2026, 10, 25));
  expect(periodStart('7d', NOW, utcClock)).toBe(NOW - 7 * 86_400_000);
  expect(periodStart('30d', NOW, utcClock)).toBe(NOW - 30 * 86_400_000);
  expect(periodStart('all', NOW, utcClock)).toBe(0);
});

it('counts every call across pages, also when many end at the same moment', async () => {
  const base = CALLS[0] as (typeof CALLS)[0];
  const at = NOW - 60_000;
  await db.calls.bulkAdd(
    Array.from({ length: 4500 }, (_, index) => ({
      ...base,
      id: 1000 + index,
      callKey: `tie-${index}`,
      endedAt: index < 3000 ? at : at + (index % 7),
      rating: index % 3 === 0 ? ('tough' as const) : ('fine' as const),
    })),
  );
  const today = await insightsFor('today');
  expect(today.calls).toBe(5 + 4500);
  expect(today.tough).toBe(3 + 1500);
});
