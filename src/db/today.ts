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

/** A day's calls, tough calls and resets (completed that day): one roll-up row, whatever the history. */
export async function dayNumbers(db: ReboundDb, dayStart: number): Promise<DayNumbers> {
  const rollup = await db.dayRollups.get(dayStart);
  return { calls: rollup?.calls ?? 0, tough: rollup?.tough ?? 0, resets: rollup?.resets ?? 0 };
}
