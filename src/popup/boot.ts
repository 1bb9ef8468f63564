import { LIVE_CALLS_KEY, type LiveCallsState, liveCallSources, liveCallsSlot } from '../calls/live-calls-state';
import { OFFERED_NUDGE_KEY, type OfferedNudge, offeredNudgeSlot } from '../calls/offered-nudge';
import { HISTORY_CHANGED_KEY } from '../db/history-changed';
import type { HomeReader } from '../db/home-reader';
import {
  currentHomeSnapshot,
  HOME_SNAPSHOT_KEY,
  readHomeSnapshot,
  type StoredHomeSnapshot,
  stampOf,
} from '../db/home-snapshot';
import { startOfDay } from '../db/today';
import { WRITE_FAILURE_KEY, type WriteFailure, writeFailureSlot } from '../db/write-failure';
import { PENDING_FOLLOW_UP_KEY, type PendingFollowUp, pendingFollowUpSlot } from '../follow-ups/pending-follow-up';
import { primedSlot, readAtOnce } from '../platform/primed-slot';
import type { SessionSlot } from '../platform/session-store';
import { ROUTINE_DRAFT_KEY, type RoutineDraft, routineDraftSlot } from '../routine/draft';
import { PENDING_ROUTINE_KEY, type PendingRoutine, pendingRoutineSlot } from '../routine/pending-routine';
import { SNOOZE_KEY, snoozeIn } from '../snooze/snooze-store';
import { type HistoryRead, type HomeFirstScreen, readHistory } from './Home';

/** Set once everything home shows first is read: the bench splits the popup's open there. */
export const HOME_READS_MARK = 'rebound:home-reads';

const SESSION_KEYS = [
  LIVE_CALLS_KEY,
  WRITE_FAILURE_KEY,
  PENDING_ROUTINE_KEY,
  PENDING_FOLLOW_UP_KEY,
  ROUTINE_DRAFT_KEY,
  HOME_SNAPSHOT_KEY,
  HISTORY_CHANGED_KEY,
];
const LOCAL_KEYS = [OFFERED_NUDGE_KEY, SNOOZE_KEY];

type StorageArea = Parameters<typeof readAtOnce>[0];

export interface PopupBootDeps {
  storage: { session: StorageArea; local: StorageArea };
  /** The history's reader, its database already opening (see homeReader). */
  reader: HomeReader;
  now: number;
  /** Where the mark goes (the page's `performance`). */
  mark(name: string): void;
  /** Stores a snapshot for the next open, when this one found none to show. */
  saveSnapshot(stored: StoredHomeSnapshot): Promise<void>;
}

/** The popup's slots, each first read answered by the reads started on open. */
export interface PopupBoot {
  reader: HomeReader;
  pendingRoutine: SessionSlot<PendingRoutine>;
  pendingFollowUp: SessionSlot<PendingFollowUp>;
  routineDraft: SessionSlot<RoutineDraft>;
  writeFailure: SessionSlot<WriteFailure>;
  offeredNudge: SessionSlot<OfferedNudge>;
  liveCalls: SessionSlot<LiveCallsState>;
  /** Everything home shows first, the snooze included: from the stored snapshot when it is current. */
  firstScreen: Promise<HomeFirstScreen>;
  /** The history as the database has it, read in any case, to confirm the first screen and fill it. */
  history: Promise<HistoryRead>;
}

/**
 * Starts every read the popup's first screen needs, before anything renders: one
 * storage.session get and one storage.local get for all their keys, and the history's database
 * opened and read alongside. When storage.session holds a current snapshot of home's history
 * (db/home-snapshot.ts), the first screen waits on the storage reads only; the database's answer
 * follows it. Without one, it waits on the database too, and stores what it read for next time.
 */
export function startPopupBoot({ storage, reader, now, mark, saveSnapshot }: PopupBootDeps): PopupBoot {
  const session = readAtOnce(storage.session, SESSION_KEYS);
  const local = readAtOnce(storage.local, LOCAL_KEYS);
  const boot = {
    reader,
    pendingRoutine: primedSlot(pendingRoutineSlot(), PENDING_ROUTINE_KEY, session),
    pendingFollowUp: primedSlot(pendingFollowUpSlot(), PENDING_FOLLOW_UP_KEY, session),
    routineDraft: primedSlot(routineDraftSlot(), ROUTINE_DRAFT_KEY, session),
    writeFailure: primedSlot(writeFailureSlot(), WRITE_FAILURE_KEY, session),
    offeredNudge: primedSlot(offeredNudgeSlot(), OFFERED_NUDGE_KEY, local),
    liveCalls: primedSlot(liveCallsSlot(), LIVE_CALLS_KEY, session),
  };
  const history = readHistory(readHomeSnapshot(reader, now));
  const stored = session.then(
    (items) => ({
      stamp: stampOf(items[HISTORY_CHANGED_KEY]),
      current: currentHomeSnapshot(items[HOME_SNAPSHOT_KEY], items[HISTORY_CHANGED_KEY], now),
    }),
    () => ({ stamp: undefined, current: undefined }),
  );
  void Promise.all([stored, history])
    .then(([{ stamp, current }, read]) => {
      // The stamp was read before the database was: a write since then has moved it on, and the
      // snapshot stored here is then not believed.
      if (current || !read.snapshot || stamp === undefined) return;
      return saveSnapshot({ basedOn: stamp, dayStart: startOfDay(now), snapshot: read.snapshot });
    })
    .catch(() => undefined);
  const snoozedUntil = local.then(snoozeIn, () => undefined);
  const firstScreen = Promise.all([
    stored.then(({ current }) => (current ? { snapshot: current } : history)),
    liveCallSources(boot.liveCalls).catch(() => []),
    boot.writeFailure.read().catch(() => undefined),
    snoozedUntil,
  ]).then(([historyPart, live, failure, until]) => {
    mark(HOME_READS_MARK);
    return { ...historyPart, live, failure, snooze: { until } };
  });
  return { ...boot, firstScreen, history };
}
