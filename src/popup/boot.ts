import { LIVE_CALLS_KEY, type LiveCallsState, liveCallSources, liveCallsSlot } from '../calls/live-calls-state';
import { OFFERED_NUDGE_KEY, type OfferedNudge, offeredNudgeSlot } from '../calls/offered-nudge';
import type { HomeReader } from '../db/home-reader';
import { WRITE_FAILURE_KEY, type WriteFailure, writeFailureSlot } from '../db/write-failure';
import { PENDING_FOLLOW_UP_KEY, type PendingFollowUp, pendingFollowUpSlot } from '../follow-ups/pending-follow-up';
import { primedSlot, readAtOnce } from '../platform/primed-slot';
import type { SessionSlot } from '../platform/session-store';
import { ROUTINE_DRAFT_KEY, type RoutineDraft, routineDraftSlot } from '../routine/draft';
import { PENDING_ROUTINE_KEY, type PendingRoutine, pendingRoutineSlot } from '../routine/pending-routine';
import { SNOOZE_KEY, snoozeIn } from '../snooze/snooze-store';
import { type HomeFirstScreen, readHomeFirstScreen } from './Home';

/** Set once everything home shows first is read: the bench splits the popup's open there. */
export const HOME_READS_MARK = 'rebound:home-reads';

const SESSION_KEYS = [LIVE_CALLS_KEY, WRITE_FAILURE_KEY, PENDING_ROUTINE_KEY, PENDING_FOLLOW_UP_KEY, ROUTINE_DRAFT_KEY];
const LOCAL_KEYS = [OFFERED_NUDGE_KEY, SNOOZE_KEY];

type StorageArea = Parameters<typeof readAtOnce>[0];

export interface PopupBootDeps {
  storage: { session: StorageArea; local: StorageArea };
  /** The history's reader, its database already opening (see homeReader). */
  reader: HomeReader;
  now: number;
  /** Where the mark goes (the page's `performance`). */
  mark(name: string): void;
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
  /** Everything home shows first, the snooze included. */
  firstScreen: Promise<HomeFirstScreen>;
}

/**
 * Starts every read the popup's first screen needs, before anything renders: one
 * storage.session get and one storage.local get for all their keys, and the history's database
 * opened and read alongside. What renders first waits on these, not on one read after another.
 */
export function startPopupBoot({ storage, reader, now, mark }: PopupBootDeps): PopupBoot {
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
  const snoozedUntil = local.then(snoozeIn, () => undefined);
  const firstScreen = Promise.all([
    readHomeFirstScreen(reader, () => liveCallSources(boot.liveCalls), boot.writeFailure, now),
    snoozedUntil,
    session.catch(() => undefined),
  ]).then(([screen, until]) => {
    mark(HOME_READS_MARK);
    return { ...screen, snooze: { until } };
  });
  return { ...boot, firstScreen };
}
