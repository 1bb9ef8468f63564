/**
 * The one place daily roll-ups are written. A Dexie middleware sits under every table API, so
 * each write to calls or resets (add, bulkAdd, modify, delete, clear, whatever module issues it,
 * and future ones too) refreshes the days it touched inside its own transaction: the roll-ups
 * commit with the rows or not at all. A day is refreshed by rebuilding it from its rows, so
 * there is no delta arithmetic to drift.
 */
import {
  type DBCore,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreRangeType,
  type DBCoreTable,
  type DBCoreTransaction,
  Dexie,
  type Middleware,
} from 'dexie';
import { type Clock, nextDayStart } from './day-clock';
import { buildRollups, type DayRollup, emptyRollup, firstResetTimes, withNewCalls } from './day-rollups';
import {
  corePackedCallsByIds,
  corePackedCallsIn,
  corePackedResetsIn,
  corePackedResetsOf,
} from './packs/core-pack-reads';
import { PACK_TABLES } from './packs/pack-record';
import type { CallRecord, ResetRecord } from './schema';

export const ROLLUPS_TABLE = 'dayRollups';
const HISTORY_TABLES = new Set(['calls', 'resets']);
// DBCoreRangeType is an ambient const enum, which isolated modules cannot read.
const RANGE = 2 as DBCoreRangeType;

const range = (lower: number, upper: number, upperOpen: boolean): DBCoreKeyRange => ({
  type: RANGE,
  lower,
  upper,
  lowerOpen: false,
  upperOpen,
});

interface Touched {
  days: Set<number>;
  /** Calls a written reset belongs to: their day's pairing may have changed. */
  callIds: Set<number>;
  everyDay: boolean;
}

function touch(touched: Touched, table: string, rows: readonly unknown[], clock: Clock) {
  for (const row of rows) {
    if (!row) continue;
    if (table === 'calls') touched.days.add(clock.startOfDay((row as CallRecord).endedAt));
    else {
      const reset = row as ResetRecord;
      touched.days.add(clock.startOfDay(reset.completedAt));
      if (reset.callId !== undefined) touched.callIds.add(reset.callId);
    }
  }
}

/** Consecutive days as [start, end) spans, so a long import refreshes in a few range reads. */
function spans(days: Iterable<number>, clock: Clock): [number, number][] {
  const result: [number, number][] = [];
  for (const day of [...days].sort((a, b) => a - b)) {
    const last = result[result.length - 1];
    if (last && last[1] === day) last[1] = nextDayStart(day, clock);
    else if (!last || day >= last[1]) result.push([day, nextDayStart(day, clock)]);
  }
  return result;
}

async function readRange<T>(table: DBCoreTable, trans: DBCoreTransaction, keyPath: string, span: DBCoreKeyRange) {
  const index = table.schema.getIndexByKeyPath(keyPath);
  if (!index) throw new Error(`${table.name} has no index on ${keyPath}`);
  return (await table.query({ trans, values: true, query: { index, range: span } })).result as T[];
}

/** The calls with these ids, rows or packed. */
async function callsByIds(core: DBCore, trans: DBCoreTransaction, ids: readonly number[]): Promise<CallRecord[]> {
  const rows = (await core.table('calls').getMany({ trans, keys: [...ids] })) as (CallRecord | undefined)[];
  const found = rows.filter((call): call is CallRecord => call !== undefined);
  if (found.length === ids.length) return found;
  const missing = new Set(ids);
  for (const call of found) missing.delete(call.id);
  return [...found, ...(await corePackedCallsByIds(core, trans, [...missing]))];
}

/**
 * Rebuilds the roll-ups of the touched days from the rows as they are now in `trans`, packed
 * ones included: a packed day is read, never unpacked, so a reset on a packed day costs a pack
 * read, not a rewrite.
 */
async function refresh(core: DBCore, trans: DBCoreTransaction, touched: Touched, clock: Clock) {
  const calls = core.table('calls');
  const resets = core.table('resets');
  const rollups = core.table(ROLLUPS_TABLE);
  if (touched.callIds.size > 0) touch(touched, 'calls', await callsByIds(core, trans, [...touched.callIds]), clock);
  if (touched.everyDay) {
    const stored = await rollups.query({
      trans,
      values: false,
      query: { index: rollups.schema.primaryKey, range: range(-Infinity, Infinity, false) },
    });
    for (const day of stored.result as number[]) touched.days.add(day);
  }
  for (const [start, end] of spans(touched.days, clock)) {
    const span = range(start, end, true);
    const dayCalls = [
      ...(await readRange<CallRecord>(calls, trans, 'endedAt', span)),
      ...(await corePackedCallsIn(core, trans, start, end)),
    ];
    const dayResets = [
      ...(await readRange<ResetRecord>(resets, trans, 'completedAt', span)),
      ...(await corePackedResetsIn(core, trans, start, end)),
    ];
    let firsts = new Map<number, number>();
    if (dayCalls.length > 0) {
      // Ids of a span's calls are close together: one range read, then only theirs are kept.
      const ids = new Set(dayCalls.map((call) => call.id));
      let lowest = Number.POSITIVE_INFINITY;
      let highest = Number.NEGATIVE_INFINITY;
      for (const id of ids) {
        lowest = Math.min(lowest, id);
        highest = Math.max(highest, id);
      }
      const theirs = await readRange<ResetRecord>(resets, trans, 'callId', range(lowest, highest, false));
      firsts = firstResetTimes([
        ...theirs.filter((reset) => ids.has(reset.callId as number)),
        ...(await corePackedResetsOf(core, trans, ids)),
      ]);
    }
    await rollups.mutate({ type: 'deleteRange', trans, range: span });
    const fresh: DayRollup[] = buildRollups(dayCalls, dayResets, firsts, clock);
    if (fresh.length > 0) await rollups.mutate({ type: 'put', trans, values: fresh });
  }
}

/**
 * Rows added while a bulk writer (the import) holds off the upkeep. Reading 100,000 rows back
 * costs seconds, so at the flush the days that had no rows before are built from these rows in
 * memory, and only days that already had rows are read from the database.
 */
interface Deferred {
  calls: CallRecord[];
  resets: ResetRecord[];
}

const deferredIn = new WeakMap<DBCoreTransaction, Deferred>();

/** The DBCore under the upkeep and its clock, for each transaction that writes history. */
const upkeepOf = new WeakMap<DBCoreTransaction, { core: DBCore; clock: Clock }>();

/** Added rows with the keys the store gave them; rows that failed are left out. */
function addedRows<T>(values: readonly unknown[], response: DBCoreMutateResponse): T[] {
  const rows: T[] = [];
  values.forEach((value, index) => {
    if (response.failures[index] !== undefined) return;
    const id = (value as { id?: number }).id ?? (response.results?.[index] as number | undefined);
    rows.push({ ...(value as T), id });
  });
  return rows;
}

async function flush(deferred: Deferred, trans: DBCoreTransaction) {
  const upkeep = upkeepOf.get(trans);
  if (!upkeep || (deferred.calls.length === 0 && deferred.resets.length === 0)) return;
  const { core, clock } = upkeep;
  const rollups = core.table(ROLLUPS_TABLE);
  const all = range(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, false);
  const hadRows = new Set(
    (await rollups.query({ trans, values: false, query: { index: rollups.schema.primaryKey, range: all } }))
      .result as number[],
  );
  const callDay = new Map(deferred.calls.map((call) => [call.id, clock.startOfDay(call.endedAt)]));
  const elsewhere = [...new Set(deferred.resets.map((reset) => reset.callId))].filter(
    (id): id is number => id !== undefined && !callDay.has(id),
  );
  for (const call of await callsByIds(core, trans, elsewhere)) callDay.set(call.id, clock.startOfDay(call.endedAt));
  const touched = new Set<number>([
    ...deferred.calls.map((call) => callDay.get(call.id) as number),
    ...deferred.resets.map((reset) => clock.startOfDay(reset.completedAt)),
    ...deferred.resets.flatMap((reset) => {
      const day = reset.callId === undefined ? undefined : callDay.get(reset.callId);
      return day === undefined ? [] : [day];
    }),
  ]);
  const fresh = new Set([...touched].filter((day) => !hadRows.has(day)));
  const freshCalls = deferred.calls.filter((call) => fresh.has(callDay.get(call.id) as number));
  const freshResets = deferred.resets.filter((reset) => fresh.has(clock.startOfDay(reset.completedAt)));
  const built = buildRollups(freshCalls, freshResets, firstResetTimes(deferred.resets), clock);
  if (built.length > 0) await rollups.mutate({ type: 'put', trans, values: built });
  const old = [...touched].filter((day) => hadRows.has(day));
  await refresh(core, trans, { days: new Set(old), callIds: new Set(), everyDay: false }, clock);
}

/**
 * Inside a transaction that adds many rows: the roll-ups of what it adds are written once, when
 * the returned flush runs (before the transaction ends), instead of after every bulkAdd. Other
 * writes in the transaction keep their roll-ups current as usual. Rows written packed pass by
 * no table the upkeep watches: the writer hands them to `packed`.
 */
export function deferRollupUpkeep(): {
  packed(calls: readonly CallRecord[], resets: readonly ResetRecord[]): void;
  flush(): Promise<void>;
} {
  const trans = Dexie.currentTransaction?.idbtrans as DBCoreTransaction | undefined;
  if (!trans) throw new Error('deferRollupUpkeep runs inside a transaction');
  const deferred: Deferred = { calls: [], resets: [] };
  deferredIn.set(trans, deferred);
  return {
    packed(calls, resets) {
      deferred.calls.push(...calls);
      deferred.resets.push(...resets);
    },
    async flush() {
      deferredIn.delete(trans);
      await flush(deferred, trans);
    },
  };
}

/** The DBCore under the upkeep, for writers that move rows without changing the history. */
export function underUpkeep(): { core: DBCore; trans: DBCoreTransaction; clock: Clock } {
  const trans = Dexie.currentTransaction?.idbtrans as DBCoreTransaction | undefined;
  const upkeep = trans && upkeepOf.get(trans);
  if (!trans || !upkeep) throw new Error('underUpkeep runs inside a transaction that writes history');
  return { ...upkeep, trans };
}

/** Rebuilds the roll-ups of these days in the current transaction (after rows left unseen). */
export function refreshDays(days: Iterable<number>): Promise<void> {
  const { core, trans, clock } = underUpkeep();
  return refresh(core, trans, { days: new Set(days), callIds: new Set(), everyDay: false }, clock);
}

/**
 * A call as the background records it (or the rep logs it): new, so no reset can name it yet,
 * and not tough, so it moves no streak, hour or recovery. Its day only counts one more call
 * (maybe by hand, maybe missed, maybe from a new dialer).
 */
const isPlainNewCall = (row: unknown) => (row as CallRecord).rating !== 'tough';

/**
 * The cheap path for recorded calls, on the way to every nudge: one read and one write per day
 * instead of rebuilding the day.
 */
async function countNewCalls(core: DBCore, trans: DBCoreTransaction, calls: CallRecord[], clock: Clock) {
  const rollups = core.table(ROLLUPS_TABLE);
  const byDay = new Map<number, CallRecord[]>();
  for (const call of calls) {
    const day = clock.startOfDay(call.endedAt);
    byDay.set(day, [...(byDay.get(day) ?? []), call]);
  }
  const days = [...byDay.keys()];
  const stored = (await rollups.getMany({ trans, keys: days })) as (DayRollup | undefined)[];
  const updated = days.map((day, index) => withNewCalls(stored[index] ?? emptyRollup(day), byDay.get(day) ?? []));
  await rollups.mutate({ type: 'put', trans, values: updated });
}

const inUpgrade = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'versionchange';

export function rollupUpkeep(clock: Clock): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'day-rollup-upkeep',
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          // A write to calls or resets also writes roll-ups, reading both tables and their packs.
          const writesHistory =
            mode === 'readwrite' && stores.some((store) => HISTORY_TABLES.has(store) || PACK_TABLES.includes(store));
          if (!writesHistory) return down.transaction(stores, mode, options);
          const scope = [...new Set([...stores, 'calls', 'resets', ...PACK_TABLES, ROLLUPS_TABLE])];
          const trans = down.transaction(scope, mode, options);
          upkeepOf.set(trans, { core: down, clock });
          return trans;
        },
        table(name) {
          const table = down.table(name);
          if (!HISTORY_TABLES.has(name)) return table;
          return {
            ...table,
            async mutate(request: DBCoreMutateRequest) {
              // The upgrade to the version that added roll-ups builds them all at its end.
              if (inUpgrade(request.trans)) return table.mutate(request);
              const { trans } = request;
              const deferred = deferredIn.get(trans);
              if (deferred && request.type === 'add') {
                const response = await table.mutate(request);
                const rows = addedRows<CallRecord & ResetRecord>(request.values, response);
                (name === 'calls' ? deferred.calls : deferred.resets).push(...rows);
                return response;
              }
              if (name === 'calls' && request.type === 'add' && request.values.every(isPlainNewCall)) {
                const response = await table.mutate(request);
                await countNewCalls(down, trans, addedRows<CallRecord>(request.values, response), clock);
                return response;
              }
              const touched: Touched = { days: new Set(), callIds: new Set(), everyDay: false };
              if (request.type === 'deleteRange') touched.everyDay = true;
              else if (request.type === 'delete')
                touch(touched, name, await table.getMany({ trans, keys: request.keys }), clock);
              else if (request.type === 'put') {
                const keys = request.keys ?? request.values.map((row) => (row as { id?: number }).id);
                const known = keys.filter((key) => key !== undefined);
                if (known.length > 0) touch(touched, name, await table.getMany({ trans, keys: known }), clock);
              }
              const result = await table.mutate(request);
              if (request.type === 'add' || request.type === 'put') touch(touched, name, request.values, clock);
              await refresh(down, trans, touched, clock);
              return result;
            },
          };
        },
      };
    },
  };
}
