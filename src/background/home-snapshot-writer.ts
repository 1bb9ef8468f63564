/**
 * Keeps the popup home's snapshot (db/home-snapshot.ts) current: after every change to the
 * history, the `historyChanged` stamp moves on (which retires the old snapshot at once), then
 * home's part of the history is read again and stored under that stamp. Only called after a
 * write has happened, never on the worker's way to its first answer.
 */
import type { HomeSnapshot } from '../db/home-reader';
import type { StoredHomeSnapshot } from '../db/home-snapshot';
import { startOfDay } from '../db/today';
import type { SessionSlot } from '../platform/session-store';

export interface HomeSnapshotWriterDeps {
  historyChanged: SessionSlot<number>;
  snapshot: SessionSlot<StoredHomeSnapshot>;
  /** Home's part of the history at `now` (readHomeSnapshot over a home reader). */
  read(now: number): Promise<HomeSnapshot>;
  now(): number;
}

export interface HistoryChange {
  stamped: Promise<void>;
  refreshed: Promise<void>;
}

export function homeSnapshotWriter(deps: HomeSnapshotWriterDeps) {
  let latest = 0;
  // One read at a time; changes made while one runs share the next, which starts after it.
  let last: Promise<void> = Promise.resolve();
  let next: Promise<void> | undefined;

  const refresh = async (): Promise<void> => {
    const stamp = latest;
    const now = deps.now();
    try {
      const snapshot = await deps.read(now);
      // A change during the read has its own stamp and its own read: this one may not hold it.
      if (stamp === latest) await deps.snapshot.write({ basedOn: stamp, dayStart: startOfDay(now), snapshot });
    } catch (error) {
      // Without a snapshot the popup reads the database, as it did before there was one.
      console.error('Rebound background: home snapshot not refreshed:', error);
    }
  };

  /**
   * The history changed: a new stamp, then a fresh snapshot. `stamped` resolves once the new stamp
   * is stored, from when no popup believes the old snapshot; `refreshed` once the fresh one is
   * written or given up.
   */
  const change = (): HistoryChange => {
    // Strictly increasing, so two changes in one millisecond never share a stamp.
    latest = Math.max(deps.now(), latest + 1);
    const stamped = deps.historyChanged.write(latest);
    const refreshed = stamped.then(() => {
      if (!next) {
        next = last.then(() => {
          next = undefined;
          return refresh();
        });
        last = next;
      }
      return last;
    });
    return { stamped, refreshed };
  };

  return {
    change,
    /** A change, resolved once its snapshot is written or given up. */
    changed: (): Promise<void> => change().refreshed,
  };
}
