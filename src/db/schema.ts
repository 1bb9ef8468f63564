import { Dexie, type EntityTable } from 'dexie';
import type { EndReason } from '../calls/call';
import type { ManualDevice } from '../calls/manual-call';
import type { CallDirection, CallOutcome } from '../messages/call-signal';
import type { CallRating } from '../messages/to-background';

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
  rating?: CallRating;
  ratedAt?: number;
  tags: string[];
  /** A call logged by hand (source `manual`): where it happened, when the rep said. */
  device?: ManualDevice;
  /** Logged by hand because Rebound should have heard it and did not. */
  missed?: boolean;
}

export type ResetKind = 'quick' | 'after-call' | 'went-quiet' | 'prep';

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
}

export interface FollowUpRecord {
  id: number;
  callId?: number;
  who: string;
  dueAt: number;
  note?: string;
  doneAt?: number;
  kind?: 'after-call' | 'went-quiet';
  /** The reminder moved to this time; dueAt stays what was agreed. */
  snoozedUntil?: number;
  /** When the reminder showed, so a browser restart does not show it again. */
  notifiedAt?: number;
}

export const DB_NAME = 'rebound';
/** The newest schema version below; exports record it. */
export const SCHEMA_VERSION = 2;

export type ReboundDb = Dexie & {
  calls: EntityTable<CallRecord, 'id'>;
  resets: EntityTable<ResetRecord, 'id'>;
  followUps: EntityTable<FollowUpRecord, 'id'>;
};

/** Every schema change is a new version here, with an upgrade function and a migration test. */
export function openReboundDb(name: string = DB_NAME): ReboundDb {
  const db = new Dexie(name) as ReboundDb;
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
  return db;
}
