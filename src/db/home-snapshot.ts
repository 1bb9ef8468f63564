/**
 * What the popup's home shows first, kept in storage.session so that its first paint needs no
 * IndexedDB: opening the history database is most of a popup open's wait, the more so right
 * after a large write. The popup still reads the database after that paint, to confirm and fill.
 *
 * A snapshot is only believed while it says what the database holds. `basedOn` is the
 * `historyChanged` stamp read before the database was: every write to the history is followed by
 * a new stamp (the background sets it for its own writes and for the pages' `history-changed`),
 * so a snapshot read before a write no longer matches once that write is done.
 */
import { sessionSlot } from '../platform/session-store';
import type { HomeReader, HomeSnapshot } from './home-reader';
import { startOfDay } from './today';

export const HOME_SNAPSHOT_KEY = 'homeSnapshot';

export interface StoredHomeSnapshot {
  /** The `historyChanged` stamp in force when the database was read (0: none yet). */
  basedOn: number;
  /** The local day its figures count. */
  dayStart: number;
  snapshot: HomeSnapshot;
}

export const homeSnapshotSlot = () => sessionSlot<StoredHomeSnapshot>(HOME_SNAPSHOT_KEY);

/** Home lists open follow-ups due from a week back on, this many at most. */
const FOLLOW_UPS_SINCE_MS = 7 * 24 * 60 * 60 * 1000;
export const FOLLOW_UPS_SHOWN = 5;

export const followUpsSince = (now: number) => now - FOLLOW_UPS_SINCE_MS;

/** Home's part of the history, read from the database for the day of `now`. */
export const readHomeSnapshot = (reader: HomeReader, now: number): Promise<HomeSnapshot> =>
  reader.snapshot(startOfDay(now), followUpsSince(now), FOLLOW_UPS_SHOWN);

/** The stamp a snapshot read now is based on. */
export const stampOf = (historyChanged: unknown): number => (typeof historyChanged === 'number' ? historyChanged : 0);

/**
 * The stored snapshot, when it can stand for the database at `now`: read since the last change
 * to the history, on the same local day. Follow-ups that have since fallen out of home's week
 * are left out; the database read after the first paint fills the list.
 */
export function currentHomeSnapshot(stored: unknown, historyChanged: unknown, now: number): HomeSnapshot | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { basedOn, dayStart, snapshot } = stored as Partial<StoredHomeSnapshot>;
  if (basedOn !== stampOf(historyChanged) || dayStart !== startOfDay(now) || !snapshot) return undefined;
  const since = followUpsSince(now);
  return { ...snapshot, followUps: snapshot.followUps.filter((followUp) => followUp.dueAt >= since) };
}
