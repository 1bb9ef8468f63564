import type { ReboundDb } from './schema';

export interface DayNumbers {
  calls: number;
  tough: number;
  resets: number;
}

export function startOfDay(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Today's calls, tough calls and resets: index ranges over today only, whatever the history. */
export async function dayNumbers(db: ReboundDb, since: number): Promise<DayNumbers> {
  const [ratings, resets] = await Promise.all([
    db.calls
      .where('endedAt')
      .aboveOrEqual(since)
      .toArray((calls) => calls.map((call) => call.rating)),
    db.resets.where('startedAt').aboveOrEqual(since).count(),
  ]);
  return { calls: ratings.length, tough: ratings.filter((rating) => rating === 'tough').length, resets };
}
