import { Dexie, type EntityTable, type Table } from 'dexie';
import type { EndReason } from '../calls/call';
import type { ManualDevice } from '../calls/manual-call';
import type { CallDirection, CallOutcome } from '../messages/call-signal';
import type { CallRating } from '../messages/to-background';
import type { CallTalk } from '../talk/conversation-figures';
import { type Clock, localClock } from './day-clock';
import { ROLLUPS_TABLE, rollupUpkeep } from './day-rollup-upkeep';
import { type DayRollup, rollupsFromScratch } from './day-rollups';
import { DB_NAME } from './db-name';
import { callKeyListOf, callKeyListUpkeep } from './packs/call-key-lists';
import {
  CALL_KEY_LIST_STORE,
  CALL_KEY_LISTS,
  CALL_PACKS,
  type CallKeyList,
  type CallPack,
  PACK_STORES,
  type PackKey,
  type ResetPack,
} from './packs/pack-record';

export interface CallRecord {
  id: number;
  /** Stable identity of a call across repeats and imports: source plus the dialer's call id. */
  callKey: string;
  source: string;
  host: string;
  direction?: CallDirection;
  startedAt?: number;
  endedAt: number;
  durationMs?: number;
  outcome: CallOutcome;
  endReason: EndReason;
  /** The length is an estimate (a call the browser closed on). */
  approximate?: boolean;
  rating?: CallRating;
  ratedAt?: number;
  tags: string[];
  /** A call logged by hand (source `manual`): where it happened, when the rep said. */
  device?: ManualDevice;
  /** Logged by hand because Rebound should have heard it and did not. */
  missed?: boolean;
  /** Conversation figures and who-spoke timeline; absent when no audio was visible (never zeros). */
  talk?: CallTalk;
}

export type ResetKind = 'quick' | 'after-call' | 'went-quiet' | 'prep' | 'rough-run';

export interface ResetRecord {
  id: number;
  kind: ResetKind;
  /** The call this reset followed, when it followed one. */
  callId?: number;
  startedAt: number;
  completedAt: number;
  /** Practice ids of the steps the rep did (not skipped), in order. */
  steps: string[];
  tags?: string[];
  /** 1 (low) to 5 (great), before and after the routine. */
  moodBefore?: number;
  moodAfter?: number;
  /** What the call was really about (the reframe step). */
  causes?: string[];
  lesson?: { wentWell?: string; doDifferently?: string };
  /** What stuck, only when the rep asked to keep it. */
  thrownAway?: string;
  /** The rep's own words for a practice (went quiet, prep), by practice id. */
  notes?: Record<string, string>;
  /** One prospect to call next. */
  pipeline?: string;
  followUpId?: number;
  /** The rough run's stay-calm card, part by part (acknowledge, pause, restate, propose, end-gracefully). */
  stayCalm?: Record<string, string>;
  /** The rough run's support step: whether the rep talked to someone, or two lines to themselves. */
  support?: { answer?: 'talked' | 'not-now'; note?: string };
}

export interface FollowUpRecord {
  id: number;
  callId?: number;
  who: string;
  dueAt: number;
  note?: string;
  doneAt?: number;
  kind?: 'after-call' | 'went-quiet' | 'role-play';
  /** The reminder moved to this time; dueAt stays what was agreed. */
  snoozedUntil?: number;
  /** When the reminder showed, so a browser restart does not show it again. */
  notifiedAt?: number;
}

export { DB_NAME };
/** The newest schema version below; exports record it. */
export const SCHEMA_VERSION = 6;

export type ReboundDb = Dexie & {
  calls: EntityTable<CallRecord, 'id'>;
  resets: EntityTable<ResetRecord, 'id'>;
  followUps: EntityTable<FollowUpRecord, 'id'>;
  dayRollups: EntityTable<DayRollup, 'day'>;
  callPacks: Table<CallPack, PackKey>;
  resetPacks: Table<ResetPack, PackKey>;
  callKeyLists: Table<CallKeyList, PackKey>;
};

export interface OpenOptions {
  /** The clock whose local days key the roll-ups: local time, or a fixed zone in tests. */
  clock?: Clock;
  /**
   * 'relaxed' lets Chrome report a write done before it reaches the disk: a large import then
   * waits for no flush. A browser crash still loses nothing committed; a power cut might.
   */
  durability?: 'relaxed';
}

/** Every schema change is a new version here, with an upgrade function and a migration test. */
export function openReboundDb(name: string = DB_NAME, { clock = localClock, durability }: OpenOptions = {}): ReboundDb {
  const db = new Dexie(name, durability ? { chromeTransactionDurability: durability } : {}) as ReboundDb;
  // Below the roll-up upkeep: writers that move packs under it (packs/unpack.ts) keep the lists too.
  db.use(callKeyListUpkeep());
  db.use(rollupUpkeep(clock));
  db.version(1).stores({
    calls: '++id, &callKey, startedAt, endedAt, source, rating',
    resets: '++id, startedAt, callId, kind',
    followUps: '++id, dueAt, doneAt, callId',
  });
  // Version 2: indexes for the history filters and insights (dialer or rating within a date
  // range, resets by completion), and every call carries a tags array.
  db.version(2)
    .stores({
      calls: '++id, &callKey, startedAt, endedAt, source, rating, [source+endedAt], [rating+endedAt]',
      resets: '++id, startedAt, callId, kind, completedAt',
      followUps: '++id, dueAt, doneAt, callId',
    })
    .upgrade((tx) =>
      tx
        .table<CallRecord>('calls')
        .filter((call) => !Array.isArray(call.tags))
        .modify((call) => {
          call.tags = [];
        }),
    );
  // Version 3: daily roll-ups, built here from every row and kept current by rollupUpkeep on
  // each write, so Insights reads a few hundred rows at any period. Indexes no query uses go
  // (fewer entries written per row, a faster import); calls gain [host+endedAt] for a site's
  // last call and lose rating (its compound with endedAt serves), source (the roll-ups list
  // the dialers) and startedAt; resets lose startedAt and kind.
  db.version(3)
    .stores({
      calls: '++id, &callKey, endedAt, [source+endedAt], [rating+endedAt], [host+endedAt]',
      resets: '++id, callId, completedAt',
      followUps: '++id, dueAt, doneAt, callId',
      [ROLLUPS_TABLE]: 'day',
    })
    .upgrade(async (tx) => {
      const [calls, resets] = await Promise.all([
        tx.table<CallRecord>('calls').toArray(),
        tx.table<ResetRecord>('resets').toArray(),
      ]);
      await tx.table<DayRollup>(ROLLUPS_TABLE).bulkPut(rollupsFromScratch(calls, resets, clock));
    });
  // Version 4: calls carry conversation figures, indexed by the seconds heard so Insights reads
  // only the calls that have them. No earlier version wrote figures, so the upgrade is the index
  // build alone: every old call is left as it was, without figures.
  db.version(4).stores({
    calls: '++id, &callKey, endedAt, [source+endedAt], [rating+endedAt], [host+endedAt], talk.figures.heardS',
  });
  // Version 5: imported calls and resets are stored packed, hundreds to a record (packs/), read
  // by every reader as if they were rows. No earlier version packed anything: the new tables
  // start empty and every row stays a row.
  db.version(5).stores(PACK_STORES);
  // Version 6: each call pack's callKeys, hashed, beside it (packs/call-key-lists.ts), so a rating
  // of an imported call or a second import opens only the packs that may hold its callKey. Built
  // here from the packs already stored, one pack at a time.
  db.version(6)
    .stores(CALL_KEY_LIST_STORE)
    .upgrade(async (tx) => {
      const lists: CallKeyList[] = [];
      await tx.table<CallPack>(CALL_PACKS).each((pack) => {
        lists.push(callKeyListOf(pack));
      });
      await tx.table<CallKeyList>(CALL_KEY_LISTS).bulkAdd(lists);
    });
  return db;
}
