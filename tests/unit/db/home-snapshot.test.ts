/** A stored snapshot of home stands for the database only under the stamp and on the day it was read. */
import { describe, expect, it } from 'vitest';
import type { HomeSnapshot } from '../../../src/db/home-reader';
import { currentHomeSnapshot, stampOf } from '../../../src/db/home-snapshot';
import type { FollowUpRecord } from '../../../src/db/schema';
import { startOfDay } from '../../../src/db/today';

const NOW = new Date(2026, 10, 25, 15, 0).getTime();
const DAY = 24 * 60 * 60 * 1000;
const followUp = (id: number, dueAt: number) => ({ id, dueAt, who: 'Ana', kind: 'after-call' }) as FollowUpRecord;
const SNAPSHOT: HomeSnapshot = {
  last: null,
  today: { calls: 2, tough: 1, resets: 1 },
  followUps: [followUp(1, NOW - 8 * DAY + 60_000), followUp(2, NOW + DAY)],
};

describe('currentHomeSnapshot', () => {
  it('is the stored snapshot under the stamp in force, on the same day', () => {
    const stored = { basedOn: 42, dayStart: startOfDay(NOW), snapshot: SNAPSHOT };
    expect(currentHomeSnapshot(stored, 42, NOW)?.today).toEqual(SNAPSHOT.today);
    expect(currentHomeSnapshot({ ...stored, basedOn: 0 }, undefined, NOW)).toBeDefined();
  });

  it('is nothing after a change, on another day, or for something else', () => {
    const stored = { basedOn: 42, dayStart: startOfDay(NOW), snapshot: SNAPSHOT };
    expect(currentHomeSnapshot(stored, 43, NOW)).toBeUndefined();
    expect(currentHomeSnapshot(stored, undefined, NOW)).toBeUndefined();
    expect(currentHomeSnapshot(stored, 42, NOW + DAY)).toBeUndefined();
    expect(currentHomeSnapshot(undefined, 42, NOW)).toBeUndefined();
    expect(currentHomeSnapshot('snapshot', 42, NOW)).toBeUndefined();
    expect(currentHomeSnapshot({ basedOn: 42, dayStart: startOfDay(NOW) }, 42, NOW)).toBeUndefined();
  });

  it('leaves out follow-ups that have fallen out of the week home shows', () => {
    const stored = { basedOn: 42, dayStart: startOfDay(NOW), snapshot: SNAPSHOT };
    expect(currentHomeSnapshot(stored, 42, NOW + 2 * 60_000)?.followUps.map((shown) => shown.id)).toEqual([2]);
  });

  it('reads a missing stamp as 0', () => {
    expect(stampOf(undefined)).toBe(0);
    expect(stampOf(7)).toBe(7);
  });
});
