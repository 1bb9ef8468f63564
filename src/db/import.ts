import type { EntityTable, Table } from 'dexie';
import { deferRollupUpkeep } from './day-rollup-upkeep';
import type { ExportDocument } from './export-format';
import { packedCallIdsByKey } from './packs/call-key-lists';
import { advanceKeyGenerator } from './packs/key-generator';
import { buildCallPacks, buildResetPacks } from './packs/pack-build';
import { type AnyPack, PACK_SIZE } from './packs/pack-record';
import { type PackTable, packedIdsBetween, packedResetsBetween } from './packs/packed-reads';
import type { CallRecord, FollowUpRecord, ReboundDb, ResetRecord } from './schema';

/**
 * Merges an export into the database. A call already here (same callKey) is kept as it is; a
 * reset or follow-up already here (same call, kind or person, and times) is not added again.
 * Rows keep their exported id when it is free, so export → wipe → import gives the same database.
 */
interface ImportPlan {
  calls: { add: CallRecord[]; present: number };
  resets: { add: ResetRecord[]; present: number };
  followUps: { add: FollowUpRecord[]; present: number };
}

export interface ImportSummary {
  calls: { add: number; present: number };
  resets: { add: number; present: number };
  followUps: { add: number; present: number };
}

const resetIdentity = (row: Pick<ResetRecord, 'callId' | 'kind' | 'startedAt' | 'completedAt'>) =>
  `${row.callId ?? ''}|${row.kind}|${row.startedAt}|${row.completedAt}`;
const followUpIdentity = (row: Pick<FollowUpRecord, 'callId' | 'who' | 'dueAt'>) =>
  `${row.callId ?? ''}|${row.who}|${row.dueAt}`;

/** Rows per bulkAdd: large enough to keep IndexedDB busy, small enough to show progress often. */
const BATCH = 5000;

/** Rows written so far out of all the import will write; called after each batch. */
export type ImportProgress = (written: number, total: number) => void;

interface Counter {
  written: number;
  total: number;
  report?: ImportProgress;
}

async function addInBatches<T extends { id: number }>(
  table: EntityTable<T, 'id'>,
  rows: T[],
  counter: Counter,
): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    for (const id of await table.bulkAdd(batch as never[], { allKeys: true })) ids.push(id as number);
    counter.written += batch.length;
    counter.report?.(counter.written, counter.total);
  }
  return ids;
}

/** Packs per bulkAdd: 5,000 rows, as many as a row batch, so progress moves as often. */
const PACKS_PER_BATCH = 10;

/** Where rows of one table go: their row table, and its pack table when the import packs them. */
interface Destination<T extends { id: number }> {
  table: EntityTable<T, 'id'>;
  /** Undefined for a table never packed (follow-ups). */
  packs?: PackTable;
  /** Builds the packs of rows whose ids are kept; undefined writes rows. */
  pack?: (rows: T[]) => AnyPack[];
}

/**
 * The ids in use among those of `rows`, as rows or packed: one key-range scan and the packs
 * whose ids overlap, not one read per row (a 100,000-row import into an empty table reads
 * nothing at all).
 */
async function takenIds<T extends { id: number }>(to: Destination<T>, rows: T[]): Promise<Set<number>> {
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (const { id } of rows) {
    lowest = Math.min(lowest, id);
    highest = Math.max(highest, id);
  }
  const taken = to.packs ? await packedIdsBetween(to.packs, lowest, highest) : new Set<number>();
  for (const id of await to.table.where(':id').between(lowest, highest, true, true).primaryKeys())
    taken.add(id as number);
  return taken;
}

async function packInBatches(table: PackTable, packs: AnyPack[], counter: Counter) {
  for (let start = 0; start < packs.length; start += PACKS_PER_BATCH) {
    const batch = packs.slice(start, start + PACKS_PER_BATCH);
    await (table as Table<AnyPack>).bulkAdd(batch);
    counter.written += batch.reduce((sum, pack) => sum + pack.rows.length, 0);
    counter.report?.(counter.written, counter.total);
  }
}

/**
 * Adds rows keeping each exported id that is free here; the rest get new ids, added after the
 * kept ones so a new id can never take one a later row keeps. Kept rows go packed when the
 * destination packs: the store's key generator is then moved past them by hand, as adding them
 * as rows would have. Rows that need a new id are always rows (an id clash is rare, and the
 * generator is the one thing that knows a free id). Returns exported id → stored id, and the
 * rows packed.
 */
async function addKeepingFreeIds<T extends { id: number }>(to: Destination<T>, rows: T[], counter: Counter) {
  const packed: T[] = [];
  if (rows.length === 0) return { stored: new Map<number, number>(), packed };
  const { table } = to;
  const taken = await takenIds(to, rows);
  const kept = rows.filter((row) => !taken.has(row.id));
  const moved = rows.filter((row) => taken.has(row.id));
  if (to.pack && to.packs && kept.length > 0) {
    await packInBatches(to.packs, to.pack(kept), counter);
    // A loop, not Math.max(...ids): 100,000 arguments overflow the stack.
    advanceKeyGenerator(
      table.name,
      kept.reduce((highest, row) => Math.max(highest, row.id), 0),
    );
    packed.push(...kept);
  } else await addInBatches(table, kept, counter);
  const newIds = await addInBatches(
    table,
    moved.map(({ id: _taken, ...rest }) => rest as T),
    counter,
  );
  const stored = new Map(kept.map((row) => [row.id, row.id]));
  moved.forEach((row, index) => {
    stored.set(row.id, newIds[index] as number);
  });
  return { stored, packed };
}

/** Reads what is here and works out what the document would add. Writes nothing. */
async function plan(
  db: ReboundDb,
  document: ExportDocument,
): Promise<{ plan: ImportPlan; callIds: Map<number, number> }> {
  const keys = document.calls.map((call) => call.callKey);
  const existing = await db.calls.where('callKey').anyOf(keys).toArray();
  const existingByKey = new Map(existing.map((call) => [call.callKey, call.id]));
  // Packed calls: only the packs whose call-key lists name one of these are opened.
  for (const [callKey, id] of await packedCallIdsByKey(db, new Set(keys))) existingByKey.set(callKey, id);
  // Imported call id → the id it has (or will have) here; new calls are filled in on apply.
  const callIds = new Map<number, number>();
  const newCalls: CallRecord[] = [];
  for (const call of document.calls) {
    const here = existingByKey.get(call.callKey);
    if (here === undefined) newCalls.push(call);
    else callIds.set(call.id, here);
  }

  const completions = document.resets.map((row) => row.completedAt);
  const knownResets = new Set(
    [
      ...(await db.resets.where('completedAt').anyOf(completions).toArray()),
      // An identity holds its completion time: only packs from the first to the last can match.
      ...(completions.length === 0
        ? []
        : await packedResetsBetween(
            db,
            completions.reduce((low, at) => Math.min(low, at)),
            completions.reduce((high, at) => Math.max(high, at)),
          )),
    ].map(resetIdentity),
  );
  const knownFollowUps = new Set(
    (
      await db.followUps
        .where('dueAt')
        .anyOf(document.followUps.map((row) => row.dueAt))
        .toArray()
    ).map(followUpIdentity),
  );
  // Rows of calls already here can be duplicates; rows of new calls cannot.
  const mapped = (callId: number | undefined) => (callId === undefined ? undefined : callIds.get(callId));
  const isKnown = <T extends { callId?: number }>(row: T, known: Set<string>, identity: (row: T) => string) => {
    if (row.callId !== undefined && !callIds.has(row.callId)) return false;
    return known.has(identity({ ...row, callId: mapped(row.callId) }));
  };
  const newResets = document.resets.filter((reset) => !isKnown(reset, knownResets, resetIdentity));
  const newFollowUps = document.followUps.filter((row) => !isKnown(row, knownFollowUps, followUpIdentity));
  return {
    callIds,
    plan: {
      calls: { add: newCalls, present: document.calls.length - newCalls.length },
      resets: { add: newResets, present: document.resets.length - newResets.length },
      followUps: { add: newFollowUps, present: document.followUps.length - newFollowUps.length },
    },
  };
}

function summarise(result: ImportPlan): ImportSummary {
  return {
    calls: { add: result.calls.add.length, present: result.calls.present },
    resets: { add: result.resets.add.length, present: result.resets.present },
    followUps: { add: result.followUps.add.length, present: result.followUps.present },
  };
}

/** What an import would add, for the preview. */
export async function previewImport(db: ReboundDb, document: ExportDocument): Promise<ImportSummary> {
  return db.transaction(
    'r',
    [db.calls, db.resets, db.followUps, db.callPacks, db.resetPacks, db.callKeyLists],
    async () => summarise((await plan(db, document)).plan),
  );
}

export interface ImportOptions {
  /**
   * Calls and resets go packed, 500 to a record (packs/): about 20 times fewer requests than a
   * row each. On unless asked: the row import stays as the reference the packed one is tested
   * against (tests/unit/db/packs).
   */
  packed?: boolean;
  /** Rows a pack holds; tests choose small packs so a small history fills many. */
  packSize?: number;
}

/**
 * Applies the import in one transaction: every row is added, or (on any failure, or the page
 * closing half way) none. Rows go in batches, and `onProgress` hears after each one.
 */
export async function applyImport(
  db: ReboundDb,
  document: ExportDocument,
  onProgress?: ImportProgress,
  { packed = true, packSize = PACK_SIZE }: ImportOptions = {},
): Promise<ImportSummary> {
  const tables = [db.calls, db.resets, db.followUps, db.callPacks, db.resetPacks, db.callKeyLists];
  return db.transaction('rw', tables, async () => {
    const upkeep = deferRollupUpkeep();
    const { plan: todo, callIds } = await plan(db, document);
    const counter: Counter = {
      written: 0,
      total: todo.calls.add.length + todo.resets.add.length + todo.followUps.add.length,
      report: onProgress,
    };
    const calls = await addKeepingFreeIds(
      { table: db.calls, packs: db.callPacks, pack: packed ? (rows) => buildCallPacks(rows, packSize) : undefined },
      todo.calls.add,
      counter,
    );
    for (const [exported, stored] of calls.stored) callIds.set(exported, stored);
    const relink = <T extends { id: number; callId?: number }>(row: T): T =>
      row.callId === undefined ? row : { ...row, callId: callIds.get(row.callId) };
    // Follow-ups before resets: a reset names the follow-up it set.
    const { stored: followUpIds } = await addKeepingFreeIds(
      { table: db.followUps },
      todo.followUps.add.map(relink),
      counter,
    );
    const relinkFollowUp = (reset: ResetRecord): ResetRecord =>
      reset.followUpId === undefined
        ? reset
        : { ...reset, followUpId: followUpIds.get(reset.followUpId) ?? reset.followUpId };
    const resets = await addKeepingFreeIds(
      { table: db.resets, packs: db.resetPacks, pack: packed ? (rows) => buildResetPacks(rows, packSize) : undefined },
      todo.resets.add.map(relink).map(relinkFollowUp),
      counter,
    );
    upkeep.packed(calls.packed, resets.packed);
    await upkeep.flush();
    return summarise(todo);
  });
}
