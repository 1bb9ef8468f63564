/**
 * Reads of packed rows at Dexie's DBCore level, for the roll-up upkeep, which works below the
 * table API (day-rollup-upkeep.ts). Same lookups as packed-reads.ts, on a DBCore transaction.
 *
 * Written as `then` chains on the database's own promises, not async functions: each async layer
 * between the upkeep and a read costs microtask turns, and past a few of them inside a write
 * Dexie loses its transaction zone for the reads that follow.
 */
import type { DBCore, DBCoreKeyRange, DBCoreRangeType, DBCoreTable, DBCoreTransaction } from 'dexie';
import type { CallRecord, ResetRecord } from '../schema';
import { CALL_PACKS, type PackKey, RESET_PACKS } from './pack-record';

// DBCoreRangeType is an ambient const enum, which isolated modules cannot read.
const RANGE = 2 as DBCoreRangeType;
const ANY = { type: 3 as DBCoreRangeType } as DBCoreKeyRange;

type Keep = (key: PackKey) => boolean;

/** The rows of every pack whose header `keep` accepts. */
function rowsWhere<T>(table: DBCoreTable, trans: DBCoreTransaction, keep: Keep): Promise<T[]> {
  return table
    .query({ trans, values: false, query: { index: table.schema.primaryKey, range: ANY } })
    .then((found) => table.getMany({ trans, keys: (found.result as PackKey[]).filter(keep) }))
    .then((packs) => (packs as ({ rows: T[] } | undefined)[]).flatMap((pack) => pack?.rows ?? []));
}

/** Packed calls that ended in [from, to). */
export function corePackedCallsIn(core: DBCore, trans: DBCoreTransaction, from: number, to: number) {
  return rowsWhere<CallRecord>(core.table(CALL_PACKS), trans, ([, , fromAt, toAt]) => fromAt < to && toAt >= from).then(
    (calls) => calls.filter((call) => call.endedAt >= from && call.endedAt < to),
  );
}

/** Packed resets completed in [from, to). */
export function corePackedResetsIn(core: DBCore, trans: DBCoreTransaction, from: number, to: number) {
  return rowsWhere<ResetRecord>(
    core.table(RESET_PACKS),
    trans,
    ([, , fromAt, toAt]) => fromAt < to && toAt >= from,
  ).then((resets) => resets.filter((reset) => reset.completedAt >= from && reset.completedAt < to));
}

/** Packed resets that follow one of `callIds`. */
export function corePackedResetsOf(core: DBCore, trans: DBCoreTransaction, callIds: ReadonlySet<number>) {
  const table = core.table(RESET_PACKS);
  const index = table.schema.getIndexByKeyPath('callIds');
  if (!index) throw new Error(`${RESET_PACKS} has no callIds index`);
  const ids = [...callIds];
  const range: DBCoreKeyRange =
    ids.length === 0
      ? ANY
      : {
          type: RANGE,
          // Folds, not Math.min(...ids): a span of imported days can name more calls than a call takes arguments.
          lower: ids.reduce((low, id) => Math.min(low, id)),
          upper: ids.reduce((high, id) => Math.max(high, id)),
          lowerOpen: false,
          upperOpen: false,
        };
  return table
    .query({ trans, values: false, query: { index, range } })
    .then((found) => table.getMany({ trans, keys: ids.length === 0 ? [] : uniqueKeys(found.result as PackKey[]) }))
    .then((packs) =>
      (packs as ({ rows: ResetRecord[] } | undefined)[])
        .flatMap((pack) => pack?.rows ?? [])
        .filter((reset) => reset.callId !== undefined && callIds.has(reset.callId)),
    );
}

/** Packed calls among `ids`. */
export function corePackedCallsByIds(core: DBCore, trans: DBCoreTransaction, ids: readonly number[]) {
  const wanted = new Set(ids);
  return rowsWhere<CallRecord>(core.table(CALL_PACKS), trans, ([firstId, lastId]) =>
    ids.some((id) => id >= firstId && id <= lastId),
  ).then((calls) => calls.filter((call) => wanted.has(call.id)));
}

function uniqueKeys(keys: PackKey[]): PackKey[] {
  const seen = new Set<string>();
  return keys.filter((key) => {
    const text = key.join(',');
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}
