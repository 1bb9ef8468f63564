/**
 * Reads of packed calls and resets through Dexie, for the readers in src/db. Each first lists
 * the headers (one key-only read) and opens only the packs that can hold what it asks for. Inside
 * a transaction, its scope must include the pack tables.
 *
 * None returns before it has awaited a read, even with nothing to look for: a bare native promise
 * awaited inside a Dexie transaction loses its zone, and the transaction commits under the
 * reader's next request (PrematureCommitError).
 */
import type { Table } from 'dexie';
import type { CallRecord, ResetRecord } from '../schema';
import { type CallPack, headerOf, type PackHeader, type PackKey, type ResetPack } from './pack-record';

export interface PackTables {
  callPacks: Table<CallPack, PackKey>;
  resetPacks: Table<ResetPack, PackKey>;
}

export type PackTable = Table<CallPack, PackKey> | Table<ResetPack, PackKey>;
type RowOf<T> = T extends Table<infer P, PackKey> ? (P extends { rows: (infer R)[] } ? R : never) : never;

const headers = async (table: PackTable): Promise<PackKey[]> => (await table.toCollection().primaryKeys()) as PackKey[];

async function open<T extends PackTable>(table: T, keys: PackKey[]): Promise<RowOf<T>[][]> {
  const packs = (await table.bulkGet(keys)) as ({ rows: RowOf<T>[] } | undefined)[];
  return packs.flatMap((pack) => (pack ? [pack.rows] : []));
}

/** Whether sorted `ids` hold one in [low, high]: a binary search for the first at or above low. */
export function anyWithin(ids: readonly number[], low: number, high: number): boolean {
  let start = 0;
  let end = ids.length;
  while (start < end) {
    const middle = (start + end) >>> 1;
    if ((ids[middle] as number) < low) start = middle + 1;
    else end = middle;
  }
  return start < ids.length && (ids[start] as number) <= high;
}

const overlaps = (header: PackHeader, from: number, to: number) => header.fromAt <= to && header.toAt >= from;

/** Packed calls that ended in [from, to], in no particular order. */
export async function packedCallsBetween(db: PackTables, from: number, to: number): Promise<CallRecord[]> {
  const keys = (await headers(db.callPacks)).filter((key) => overlaps(headerOf(key), from, to));
  return (await open(db.callPacks, keys)).flat().filter((call) => call.endedAt >= from && call.endedAt <= to);
}

/** Packed resets completed in [from, to], in no particular order. */
export async function packedResetsBetween(db: PackTables, from: number, to: number): Promise<ResetRecord[]> {
  const keys = (await headers(db.resetPacks)).filter((key) => overlaps(headerOf(key), from, to));
  return (await open(db.resetPacks, keys))
    .flat()
    .filter((reset) => reset.completedAt >= from && reset.completedAt <= to);
}

/** The packed calls among `ids`, by id. */
export async function packedCallsByIds(db: PackTables, ids: readonly number[]): Promise<Map<number, CallRecord>> {
  const found = new Map<number, CallRecord>();
  const wanted = new Set(ids);
  const sorted = [...wanted].sort((a, b) => a - b);
  const keys = (await headers(db.callPacks)).filter(([firstId, lastId]) => anyWithin(sorted, firstId, lastId));
  for (const rows of await open(db.callPacks, keys))
    for (const call of rows) if (wanted.has(call.id)) found.set(call.id, call);
  return found;
}

/** Packed resets that follow one of `callIds`, in no particular order. */
export async function packedResetsOfCalls(db: PackTables, callIds: readonly number[]): Promise<ResetRecord[]> {
  const keys = [...new Set(await db.resetPacks.where('callIds').anyOf(callIds).primaryKeys())] as PackKey[];
  const wanted = new Set(callIds);
  return (await open(db.resetPacks, keys))
    .flat()
    .filter((reset) => reset.callId !== undefined && wanted.has(reset.callId));
}

/** Every packed call on `host`, in no particular order. */
export async function packedCallsOnHost(db: PackTables, host: string): Promise<CallRecord[]> {
  const keys = (await db.callPacks.where('hosts').equals(host).primaryKeys()) as PackKey[];
  return (await open(db.callPacks, keys)).flat().filter((call) => call.host === host);
}

/** Packed calls whose figures have seconds heard (what the v4 talk index holds for rows). */
export async function packedCallsWithTalk(db: PackTables): Promise<CallRecord[]> {
  const keys = (await db.callPacks.where('hasTalk').equals(1).primaryKeys()) as PackKey[];
  return (await open(db.callPacks, keys)).flat().filter((call) => (call.talk?.figures.heardS ?? 0) > 0);
}

/** Every packed row of a table, sorted by id. */
export async function allPacked<T extends PackTable>(table: T): Promise<RowOf<T>[]> {
  const packs = (await table.toArray()) as unknown as { rows: RowOf<T>[] }[];
  const rows = packs.flatMap((pack) => pack.rows);
  return rows.sort((a, b) => (a as { id: number }).id - (b as { id: number }).id);
}

/** The packed call that ended last (highest id on a tie), without opening more than one pack. */
export async function lastPackedCall(db: PackTables): Promise<CallRecord | undefined> {
  const keys = await headers(db.callPacks);
  if (keys.length === 0) return undefined;
  const latest = Math.max(...keys.map(([, , , toAt]) => toAt));
  const rows = (
    await open(
      db.callPacks,
      keys.filter(([, , , toAt]) => toAt === latest),
    )
  ).flat();
  return rows.filter((call) => call.endedAt === latest).sort((a, b) => b.id - a.id)[0];
}

/** The packed ids in [lowest, highest]: an import keeps an exported id only when it is free. */
export async function packedIdsBetween(table: PackTable, lowest: number, highest: number): Promise<Set<number>> {
  const keys = (await headers(table)).filter(([firstId, lastId]) => firstId <= highest && lastId >= lowest);
  const ids = new Set<number>();
  for (const rows of await open(table, keys))
    for (const { id } of rows as { id: number }[]) if (id >= lowest && id <= highest) ids.add(id);
  return ids;
}

/** Whether any pack is stored: a cheap test before a read of every pack. */
export async function hasPacks(table: PackTable): Promise<boolean> {
  return (await table.limit(1).primaryKeys()).length > 0;
}

/**
 * The newest `limit` packed rows of a table that fall in [from, to] and that `keep` accepts,
 * newest first. Packs are opened latest first, and no further once the next could hold nothing
 * newer than the rows found: History's first screen and Insights' lessons read a few packs, not all.
 */
async function newestPacked<T extends PackTable>(
  table: T,
  at: (row: RowOf<T>) => number,
  from: number,
  to: number,
  keep: (row: RowOf<T>) => boolean,
  limit: number,
): Promise<RowOf<T>[]> {
  const keys = (await headers(table)).filter((key) => overlaps(headerOf(key), from, to)).sort((a, b) => b[3] - a[3]);
  const newestFirst = (a: RowOf<T>, b: RowOf<T>) =>
    at(b) - at(a) || (b as { id: number }).id - (a as { id: number }).id;
  let found: RowOf<T>[] = [];
  for (const key of keys) {
    const oldestKept = found.length >= limit ? found[found.length - 1] : undefined;
    if (oldestKept && key[3] < at(oldestKept)) break;
    const [rows = []] = await open(table, [key]);
    const matching = rows.filter((row) => at(row) >= from && at(row) <= to && keep(row));
    found = [...found, ...matching].sort(newestFirst).slice(0, limit);
  }
  return found;
}

export const newestPackedCalls = (
  db: PackTables,
  from: number,
  to: number,
  keep: (call: CallRecord) => boolean,
  limit: number,
): Promise<CallRecord[]> => newestPacked(db.callPacks, (call) => call.endedAt, from, to, keep, limit);

export const newestPackedResets = (
  db: PackTables,
  from: number,
  to: number,
  keep: (reset: ResetRecord) => boolean,
  limit: number,
): Promise<ResetRecord[]> => newestPacked(db.resetPacks, (reset) => reset.completedAt, from, to, keep, limit);
