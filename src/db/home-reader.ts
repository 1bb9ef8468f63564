/**
 * The popup home's reads straight from IndexedDB, without Dexie: the last call, today's roll-up
 * and the open follow-ups are a handful of index lookups, and loading Dexie (about half the
 * popup's script) before the first paint cost more than the reads themselves. Read only: every
 * write still goes through Dexie (schema.ts), whose middleware keeps the roll-ups current. It
 * reads the tables and indexes Dexie made (names as in schema.ts, version 3 on).
 */
import { DB_NAME } from './db-name';
import { CALL_PACKS, type CallPack, type PackKey, RESET_PACKS } from './packs/pack-record';
import { done, existingConnection } from './raw-connection';
import type { CallRecord, FollowUpRecord } from './schema';
import type { DayNumbers } from './today';

export interface LastCall {
  call: CallRecord;
  resetDone: boolean;
}

/** What the home screen shows first, read in one transaction. */
export interface HomeSnapshot {
  /** Null when no call is recorded. */
  last: LastCall | null;
  today: DayNumbers;
  followUps: FollowUpRecord[];
}

export interface HomeReader {
  snapshot(dayStart: number, followUpsSince: number, followUpsShown: number): Promise<HomeSnapshot>;
  /** Open follow-ups due from `since` on, soonest first, at most `limit`. */
  openFollowUps(since: number, limit: number): Promise<FollowUpRecord[]>;
  /** The call and whether a reset followed it; undefined when no call has that key. */
  callByKey(callKey: string): Promise<LastCall | undefined>;
}

const STORES = ['calls', 'resets', 'followUps', 'dayRollups', CALL_PACKS, RESET_PACKS];

/** The database is older than the roll-ups (version 3) and could not be upgraded. */
export class OutdatedDatabase extends Error {
  constructor() {
    super('The history database has not been upgraded yet.');
  }
}

const hasStores = (db: IDBDatabase, stores: readonly string[]) =>
  stores.every((store) => db.objectStoreNames.contains(store));

const hasReset = async (resets: IDBObjectStore, callId: number) =>
  (await done(resets.index('callId').getKey(callId))) !== undefined;

/** A reset stored as a row or packed (the popup's last call may be an imported one). */
const hasAnyReset = async (tx: IDBTransaction, callId: number) =>
  (await hasReset(tx.objectStore('resets'), callId)) ||
  (await done(tx.objectStore(RESET_PACKS).index('callIds').getKey(callId))) !== undefined;

/** Newest end, the higher id on a tie: what the endedAt index walked backwards gives first. */
const newer = (a: CallRecord | undefined, b: CallRecord | undefined) =>
  !a || (b && (b.endedAt > a.endedAt || (b.endedAt === a.endedAt && b.id > a.id))) ? b : a;

/** The packed call that ended last: the headers (keys only), then the one or two packs ending last. */
async function lastPackedCallIn(tx: IDBTransaction): Promise<CallRecord | undefined> {
  const packs = tx.objectStore(CALL_PACKS);
  const keys = (await done(packs.getAllKeys())) as PackKey[];
  if (keys.length === 0) return undefined;
  const latest = Math.max(...keys.map(([, , , toAt]) => toAt));
  let found: CallRecord | undefined;
  for (const key of keys.filter(([, , , toAt]) => toAt === latest)) {
    const pack = (await done(packs.get(key))) as CallPack | undefined;
    for (const call of pack?.rows ?? []) if (call.endedAt === latest) found = newer(found, call);
  }
  return found;
}

async function lastCallIn(tx: IDBTransaction): Promise<LastCall | null> {
  const cursor = await done(tx.objectStore('calls').index('endedAt').openCursor(null, 'prev'));
  const call = newer(cursor?.value as CallRecord | undefined, await lastPackedCallIn(tx));
  if (!call) return null;
  return { call, resetDone: await hasAnyReset(tx, call.id) };
}

async function dayNumbersIn(tx: IDBTransaction, dayStart: number): Promise<DayNumbers> {
  const rollup = await done(tx.objectStore('dayRollups').get(dayStart));
  return { calls: rollup?.calls ?? 0, tough: rollup?.tough ?? 0, resets: rollup?.resets ?? 0 };
}

/** Open ones only (a done one is passed over as the cursor walks the dueAt index). */
function openFollowUpsIn(tx: IDBTransaction, since: number, limit: number): Promise<FollowUpRecord[]> {
  return new Promise((resolve, reject) => {
    const found: FollowUpRecord[] = [];
    const request = tx.objectStore('followUps').index('dueAt').openCursor(IDBKeyRange.lowerBound(since));
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(found);
      const followUp = cursor.value as FollowUpRecord;
      if (followUp.doneAt === undefined) found.push(followUp);
      if (found.length >= limit) return resolve(found);
      cursor.continue();
    };
  });
}

const NOTHING_YET: HomeSnapshot = { last: null, today: { calls: 0, tough: 0, resets: 0 }, followUps: [] };

/**
 * `upgrade` is asked for when the database predates the roll-ups (a popup opened before the
 * worker upgraded it after an update): the caller opens it with Dexie, which upgrades it, and the
 * read is tried again on a fresh connection.
 */
export function homeReader(
  upgrade: () => Promise<unknown>,
  name: string = DB_NAME,
  factory: IDBFactory = indexedDB,
): HomeReader {
  // Opened at once, while the page still reads its storage: the first read finds it ready.
  const connection = existingConnection(factory, name);

  const upToDate = async (stores: readonly string[]): Promise<IDBDatabase | undefined> => {
    const db = await connection.connect();
    if (!db || hasStores(db, stores)) return db;
    db.close();
    connection.forget();
    await upgrade();
    const upgraded = await connection.connect();
    if (upgraded && !hasStores(upgraded, stores)) throw new OutdatedDatabase();
    return upgraded;
  };

  const reading = async <T>(stores: readonly string[], read: (tx: IDBTransaction) => Promise<T>, empty: T) => {
    const db = await upToDate(stores);
    return db ? read(db.transaction(stores as string[], 'readonly')) : empty;
  };

  return {
    snapshot: (dayStart, followUpsSince, followUpsShown) =>
      reading(
        STORES,
        async (tx) => {
          const [last, today, followUps] = await Promise.all([
            lastCallIn(tx),
            dayNumbersIn(tx, dayStart),
            openFollowUpsIn(tx, followUpsSince, followUpsShown),
          ]);
          return { last, today, followUps };
        },
        NOTHING_YET,
      ),
    openFollowUps: (since, limit) => reading(['followUps'], (tx) => openFollowUpsIn(tx, since, limit), []),
    // Rows only: the popup asks for a call it was just told about, recorded live, never packed
    // (see storeOnce in calls.ts).
    callByKey: (callKey) =>
      reading(
        ['calls', 'resets'],
        async (tx) => {
          const call = await done<CallRecord | undefined>(tx.objectStore('calls').index('callKey').get(callKey));
          if (!call) return undefined;
          return { call, resetDone: await hasReset(tx.objectStore('resets'), call.id) };
        },
        undefined,
      ),
  };
}
