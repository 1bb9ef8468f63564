import type { ReboundDb } from './schema';

/**
 * A table's rows in key order, a key range at a time, read straight from IndexedDB: an export
 * reads every row once and needs none of Dexie's per-request work.
 */
export type ExportedTable = 'calls' | 'resets' | 'followUps';

/**
 * Reads under way at once: the database reads the next ranges while the page turns this one into
 * text (a 100,000-call export spent half its time waiting on one read after another).
 */
const READ_AHEAD = 3;
/**
 * Ids closer together than this many ranges are split by arithmetic from the first and last key
 * alone, at no cost. Further apart (a file imported with ids of its own), a range would mostly be
 * empty, so every key is read first instead: a full scan, as costly as a tenth of the export.
 */
const MAX_ID_RANGES = 200;

function request<T>(pending: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error);
  });
}

async function openStore(db: ReboundDb, table: ExportedTable): Promise<() => IDBObjectStore> {
  await db.open();
  const idb = db.backendDB();
  return () => idb.transaction(table, 'readonly').objectStore(table);
}

/**
 * Each range's lower bound, in order; the last range is open-ended, so a row added meanwhile is
 * still written.
 */
async function lowerBounds(store: () => IDBObjectStore, size: number): Promise<number[]> {
  const edges = store();
  const [first, last] = await Promise.all([
    request(edges.openKeyCursor(null, 'next')),
    request(edges.openKeyCursor(null, 'prev')),
  ]);
  if (!first || !last) return [];
  const low = first.primaryKey;
  const high = last.primaryKey;
  if (typeof low === 'number' && typeof high === 'number' && (high - low) / size < MAX_ID_RANGES) {
    const bounds: number[] = [];
    for (let bound = low; bound <= high; bound += size) bounds.push(bound);
    return bounds;
  }
  const keys = (await request(store().getAllKeys())) as number[];
  const bounds: number[] = [];
  for (let index = 0; index < keys.length; index += size) bounds.push(keys[index] as number);
  return bounds;
}

/** The rows of `table` in key order, about `size` at a time; a range with no rows is skipped. */
export async function* tableChunks<T>(db: ReboundDb, table: ExportedTable, size: number): AsyncGenerator<T[]> {
  const store = await openStore(db, table);
  const bounds = await lowerBounds(store, size);
  const read = (index: number): Promise<T[]> => {
    const lower = bounds[index] as number;
    const upper = bounds[index + 1];
    const range = upper === undefined ? IDBKeyRange.lowerBound(lower) : IDBKeyRange.bound(lower, upper, false, true);
    const rows = request(store().getAll(range)) as Promise<T[]>;
    // A read that fails while an earlier range is awaited fails the export when its turn comes.
    rows.catch(() => undefined);
    return rows;
  };
  const reading: Promise<T[]>[] = [];
  let next = 0;
  const readAhead = () => {
    while (reading.length < READ_AHEAD && next < bounds.length) reading.push(read(next++));
  };
  readAhead();
  for (let chunk = reading.shift(); chunk; chunk = reading.shift()) {
    const rows = await chunk;
    readAhead();
    if (rows.length > 0) yield rows;
  }
}
