import type { EntityTable, IDType } from 'dexie';
import { deferRollupUpkeep } from './day-rollup-upkeep';
import type { ExportDocument } from './export-format';
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

/**
 * Adds rows keeping each exported id that is free here; the rest get new ids, added after the
 * kept ones so a new id can never take one a later row keeps. Returns exported id → stored id.
 */
async function addKeepingFreeIds<T extends { id: number }>(table: EntityTable<T, 'id'>, rows: T[], counter: Counter) {
  if (rows.length === 0) return new Map<number, number>();
  // One key-range scan for the ids in use, not one read per row: a 100,000-row import into an
  // empty table then reads nothing at all.
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (const { id } of rows) {
    lowest = Math.min(lowest, id);
    highest = Math.max(highest, id);
  }
  const taken = new Set(await table.where(':id').between(lowest, highest, true, true).primaryKeys());
  const kept = rows.filter((row) => !taken.has(row.id as IDType<T, 'id'>));
  const moved = rows.filter((row) => taken.has(row.id as IDType<T, 'id'>));
  await addInBatches(table, kept, counter);
  const newIds = await addInBatches(
    table,
    moved.map(({ id: _taken, ...rest }) => rest as T),
    counter,
  );
  const stored = new Map(kept.map((row) => [row.id, row.id]));
  moved.forEach((row, index) => {
    stored.set(row.id, newIds[index] as number);
  });
  return stored;
}

/** Reads what is here and works out what the document would add. Writes nothing. */
async function plan(
  db: ReboundDb,
  document: ExportDocument,
): Promise<{ plan: ImportPlan; callIds: Map<number, number> }> {
  const existing = await db.calls
    .where('callKey')
    .anyOf(document.calls.map((call) => call.callKey))
    .toArray();
  const existingByKey = new Map(existing.map((call) => [call.callKey, call.id]));
  // Imported call id → the id it has (or will have) here; new calls are filled in on apply.
  const callIds = new Map<number, number>();
  const newCalls: CallRecord[] = [];
  for (const call of document.calls) {
    const here = existingByKey.get(call.callKey);
    if (here === undefined) newCalls.push(call);
    else callIds.set(call.id, here);
  }

  const knownResets = new Set(
    (
      await db.resets
        .where('completedAt')
        .anyOf(document.resets.map((row) => row.completedAt))
        .toArray()
    ).map(resetIdentity),
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
  return db.transaction('r', [db.calls, db.resets, db.followUps], async () =>
    summarise((await plan(db, document)).plan),
  );
}

/**
 * Applies the import in one transaction: every row is added, or (on any failure, or the page
 * closing half way) none. Rows go in batches, and `onProgress` hears after each one.
 */
export async function applyImport(
  db: ReboundDb,
  document: ExportDocument,
  onProgress?: ImportProgress,
): Promise<ImportSummary> {
  return db.transaction('rw', [db.calls, db.resets, db.followUps], async () => {
    const upkeep = deferRollupUpkeep();
    const { plan: todo, callIds } = await plan(db, document);
    const counter: Counter = {
      written: 0,
      total: todo.calls.add.length + todo.resets.add.length + todo.followUps.add.length,
      report: onProgress,
    };
    for (const [exported, stored] of await addKeepingFreeIds(db.calls, todo.calls.add, counter))
      callIds.set(exported, stored);
    const relink = <T extends { id: number; callId?: number }>(row: T): T =>
      row.callId === undefined ? row : { ...row, callId: callIds.get(row.callId) };
    // Follow-ups before resets: a reset names the follow-up it set.
    const followUpIds = await addKeepingFreeIds(db.followUps, todo.followUps.add.map(relink), counter);
    const relinkFollowUp = (reset: ResetRecord): ResetRecord =>
      reset.followUpId === undefined
        ? reset
        : { ...reset, followUpId: followUpIds.get(reset.followUpId) ?? reset.followUpId };
    await addKeepingFreeIds(db.resets, todo.resets.add.map(relink).map(relinkFollowUp), counter);
    await upkeep.flush();
    return summarise(todo);
  });
}
