/**
 * The background's way to the nudge without Dexie: an ended call's write and the day's ratings
 * the policy reads, straight on IndexedDB. A cold worker answered a call's end only after Dexie
 * opened the database (its schema of five versions declared and checked, its middleware set up)
 * and ran its transaction; these are a handful of requests on a connection opened when the worker
 * starts. They write exactly what Dexie would: the row of calls.ts's callRecordOf, once by
 * callKey, all in one transaction or none, and the day's roll-up counted by the same
 * withNewCalls the Dexie upkeep uses, in that transaction (the scope the upkeep takes for a
 * write to calls). Anything else goes through Dexie, and so does this whenever the database is
 * not exactly the one this code knows (missing, another version, closed for an upgrade).
 */
import type { EndedCall } from '../calls/call';
import type { CallRating } from '../messages/to-background';
import { callRecordOf } from './calls';
import { type Clock, localClock } from './day-clock';
import { type DayRollup, emptyRollup, withNewCalls } from './day-rollups';
import { DB_NAME } from './db-name';
import { CALL_PACKS, type CallPack, headerOf, type PackKey } from './packs/pack-record';
import { newestCallFirst } from './packs/row-order';
import { done, existingConnection } from './raw-connection';
import type { CallRecord } from './schema';

export interface CallWrites {
  /** True once written; false when the database is not the one this code knows: write with Dexie. */
  record(calls: readonly EndedCall[]): Promise<boolean>;
  /** Ratings of the calls that ended since `since`, newest first; undefined as for `record`'s false. */
  ratingsSince(since: number): Promise<(CallRating | undefined)[] | undefined>;
}

export interface CallWritesOptions {
  /** The schema version Dexie declares (schema.ts): Dexie stores it ×10 as IndexedDB's version. */
  schemaVersion: number;
  name?: string;
  factory?: IDBFactory;
  clock?: Clock;
}

/** The stores a write to calls takes (day-rollup-upkeep's scope) and the indexes used here. */
const WRITE_SCOPE = ['calls', 'resets', 'dayRollups'];

const finished = (transaction: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('The call write was aborted.'));
  });

/** Each connection is looked over once: its version, stores and indexes cannot change while it is open. */
const lookedOver = new WeakMap<IDBDatabase, boolean>();

function knows(db: IDBDatabase, schemaVersion: number): boolean {
  const known = lookedOver.get(db);
  if (known !== undefined) return known;
  let fits = db.version === Math.round(schemaVersion * 10);
  fits &&= [...WRITE_SCOPE, CALL_PACKS].every((store) => db.objectStoreNames.contains(store));
  if (fits) {
    // A transaction that makes no request only lets the indexes be looked up.
    const calls = db.transaction('calls', 'readonly').objectStore('calls');
    fits = calls.indexNames.contains('callKey') && calls.indexNames.contains('endedAt');
  }
  lookedOver.set(db, fits);
  return fits;
}

/** Adds the calls not stored yet, and counts them in their days' roll-ups, inside `transaction`. */
async function addNew(transaction: IDBTransaction, calls: readonly EndedCall[], clock: Clock): Promise<void> {
  const store = transaction.objectStore('calls');
  const added: CallRecord[] = [];
  const seen = new Set<string>();
  for (const call of calls) {
    if (seen.has(call.callKey)) continue;
    seen.add(call.callKey);
    if ((await done(store.index('callKey').getKey(call.callKey))) !== undefined) continue;
    const record = callRecordOf(call);
    const id = (await done(store.add(record))) as number;
    added.push({ ...record, id });
  }
  const byDay = new Map<number, CallRecord[]>();
  for (const call of added) {
    const day = clock.startOfDay(call.endedAt);
    byDay.set(day, [...(byDay.get(day) ?? []), call]);
  }
  const rollups = transaction.objectStore('dayRollups');
  for (const [day, dayCalls] of byDay) {
    const stored = (await done(rollups.get(day))) as DayRollup | undefined;
    await done(rollups.put(withNewCalls(stored ?? emptyRollup(day), dayCalls)));
  }
}

export function callWrites({
  schemaVersion,
  name = DB_NAME,
  factory = indexedDB,
  clock = localClock,
}: CallWritesOptions): CallWrites {
  // Opened now, while the worker starts: the first call's end finds it ready.
  const connection = existingConnection(factory, name);

  const known = async (): Promise<IDBDatabase | undefined> => {
    const db = await connection.connect().catch(() => undefined);
    return db && knows(db, schemaVersion) ? db : undefined;
  };

  return {
    async record(calls) {
      if (calls.length === 0) return true;
      const db = await known();
      if (!db) return false;
      const transaction = db.transaction(WRITE_SCOPE, 'readwrite');
      const complete = finished(transaction);
      try {
        await addNew(transaction, calls, clock);
      } catch (error) {
        // A failed request aborts the transaction on its own; one that threw here may not have.
        try {
          transaction.abort();
        } catch {
          // Already aborted or committed.
        }
        await complete.catch(() => undefined);
        throw error;
      }
      await complete;
      return true;
    },
    async ratingsSince(since) {
      const db = await known();
      if (!db) return undefined;
      const transaction = db.transaction(['calls', CALL_PACKS], 'readonly');
      const index = transaction.objectStore('calls').index('endedAt');
      const packs = transaction.objectStore(CALL_PACKS);
      const [rows, headers] = await Promise.all([
        done(index.getAll(IDBKeyRange.lowerBound(since))) as Promise<CallRecord[]>,
        done(packs.getAllKeys()) as Promise<PackKey[]>,
      ]);
      // An import packs its calls (packs/pack-record.ts): those of the period count as rows do.
      const overlapping = headers.filter((key) => headerOf(key).toAt >= since);
      if (overlapping.length === 0) return rows.reverse().map((call) => call.rating);
      const opened = (await Promise.all(overlapping.map((key) => done(packs.get(key))))) as CallPack[];
      const packed = opened.flatMap((pack) => pack.rows.filter((call) => call.endedAt >= since));
      return [...rows, ...packed].sort(newestCallFirst).map((call) => call.rating);
    },
  };
}
