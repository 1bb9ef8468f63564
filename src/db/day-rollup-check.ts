import type { Clock } from './day-clock';
import { type DayRollup, rollupsFromScratch } from './day-rollups';
import { allPacked } from './packs/packed-reads';
import type { ReboundDb } from './schema';

export interface RollupCheck {
  /** Days with a stored roll-up. */
  stored: number;
  /** Days whose stored roll-up differs from one rebuilt from the rows (or is missing, or extra). */
  differing: number[];
}

const canonical = (rollup: DayRollup | undefined) => JSON.stringify(rollup);

/** Rebuilds every roll-up from scratch and compares it with the stored one. Reads everything. */
export async function checkRollups(db: ReboundDb, clock: Clock): Promise<RollupCheck> {
  return db.transaction('r', [db.calls, db.resets, db.dayRollups, db.callPacks, db.resetPacks], async () => {
    const [calls, resets, stored, packedCalls, packedResets] = await Promise.all([
      db.calls.toArray(),
      db.resets.toArray(),
      db.dayRollups.toArray(),
      allPacked(db.callPacks),
      allPacked(db.resetPacks),
    ]);
    return compareRollups(stored, rollupsFromScratch([...calls, ...packedCalls], [...resets, ...packedResets], clock));
  });
}

export function compareRollups(stored: readonly DayRollup[], rebuilt: readonly DayRollup[]): RollupCheck {
  const storedByDay = new Map(stored.map((rollup) => [rollup.day, rollup]));
  const rebuiltByDay = new Map(rebuilt.map((rollup) => [rollup.day, rollup]));
  const days = new Set([...storedByDay.keys(), ...rebuiltByDay.keys()]);
  const differing = [...days]
    .filter((day) => canonical(storedByDay.get(day)) !== canonical(rebuiltByDay.get(day)))
    .sort((a, b) => a - b);
  return { stored: stored.length, differing };
}
