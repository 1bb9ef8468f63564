/**
 * Packed rows are never edited: a write that touches a packed call or reset first takes it out
 * of its pack as a row, in the write's own transaction, and then runs as it would on rows. The
 * pack's other rows stay packed: the pack is replaced by one holding them, its header rebuilt
 * (one write of a pack instead of one a row: a rating of an imported call moves one row, not
 * 500). The rows move below the roll-up upkeep: the roll-ups already count packed rows, and a
 * move changes no day. A packed call whose callKey is a row by now (recorded live, see
 * storeOnce in calls.ts) is dropped, as an import would have; its day is then rebuilt.
 */
import { type DBCoreTable, Dexie } from 'dexie';
import { nextDayStart } from '../day-clock';
import { refreshDays, underUpkeep } from '../day-rollup-upkeep';
import type { CallRecord, ResetRecord } from '../schema';
import { corePacksNamingCallKey } from './call-key-lists';
import { buildCallPacks, buildResetPacks } from './pack-build';
import { CALL_PACKS, type PackKey, RESET_PACKS } from './pack-record';
import { anyWithin } from './packed-reads';

type Keep = (key: PackKey) => boolean;
/** The packs to look in: those whose header `keep` accepts (all headers read), or these keys. */
type Which = Keep | readonly PackKey[];

// DBCoreRangeType.Any: an ambient const enum, which isolated modules cannot read.
const ANY = { type: 3 } as const;

function headers(table: DBCoreTable, trans: ReturnType<typeof underUpkeep>['trans']) {
  return table
    .query({ trans, values: false, query: { index: table.schema.primaryKey, range: ANY as never } })
    .then((found) => found.result as PackKey[]);
}

/**
 * The packs `which` names, and among them the rows to move: those `hold` accepts
 * (every row when there is no `hold`). A pack none of whose rows is held is left alone. What stays
 * of each pack opened is repacked, one pack each.
 */
async function takeOut<T extends { id: number }>(
  table: DBCoreTable,
  trans: ReturnType<typeof underUpkeep>['trans'],
  which: Which,
  hold: ((row: T) => boolean) | undefined,
  repack: (rows: T[]) => object[],
): Promise<{ chosen: PackKey[]; moved: T[]; repacked: object[] }> {
  const keys = typeof which === 'function' ? (await headers(table, trans)).filter(which) : [...which];
  const opened = (await table.getMany({ trans, keys })) as ({ rows: T[] } | undefined)[];
  const chosen: PackKey[] = [];
  const moved: T[] = [];
  const repacked: object[] = [];
  keys.forEach((key, index) => {
    const rows = opened[index]?.rows ?? [];
    const taken = hold ? rows.filter(hold) : rows;
    if (taken.length === 0) return;
    chosen.push(key);
    moved.push(...taken);
    const staying = hold ? rows.filter((row) => !hold(row)) : [];
    if (staying.length > 0) repacked.push(...repack(staying));
  });
  return { chosen, moved, repacked };
}

/** Replaces the chosen packs by what stays of them. */
async function replacePacks(
  table: DBCoreTable,
  trans: ReturnType<typeof underUpkeep>['trans'],
  chosen: PackKey[],
  repacked: object[],
) {
  await table.mutate({ type: 'delete', trans, keys: chosen });
  if (repacked.length > 0) await table.mutate({ type: 'put', trans, values: repacked });
}

/** Moves out of the call packs `which` names the calls `hold` accepts (all without it). */
export async function unpackCalls(which: Which, hold?: (call: CallRecord) => boolean): Promise<number> {
  const { core, trans, clock } = underUpkeep();
  const packs = core.table(CALL_PACKS);
  const calls = core.table('calls');
  const {
    chosen,
    moved: rows,
    repacked,
  } = await takeOut(packs, trans, which, hold, (staying: CallRecord[]) => buildCallPacks(staying, staying.length));
  if (chosen.length === 0) return 0;
  const callKey = calls.schema.getIndexByKeyPath('callKey');
  if (!callKey) throw new Error('calls has no callKey index');
  // One lookup a call, all in flight at once (Dexie's own Promise keeps the transaction's zone).
  const found = await Dexie.Promise.all(
    rows.map((call) =>
      calls.query({
        trans,
        values: false,
        limit: 1,
        query: { index: callKey, range: { type: 1 as never, lower: call.callKey, upper: call.callKey } },
      }),
    ),
  );
  const here = new Set(rows.filter((_, index) => (found[index]?.result.length ?? 0) > 0).map((call) => call.callKey));
  await replacePacks(packs, trans, chosen, repacked);
  const moved = rows.filter((call) => !here.has(call.callKey));
  if (moved.length > 0) await calls.mutate({ type: 'add', trans, values: moved });
  const dropped = rows.filter((call) => here.has(call.callKey));
  if (dropped.length > 0) await refreshDays(dropped.map((call) => clock.startOfDay(call.endedAt)));
  return chosen.length;
}

/** Moves out of the reset packs `which` names the resets `hold` accepts (all without it). */
export async function unpackResets(which: Which, hold?: (reset: ResetRecord) => boolean): Promise<number> {
  const { core, trans } = underUpkeep();
  const packs = core.table(RESET_PACKS);
  const { chosen, moved, repacked } = await takeOut(packs, trans, which, hold, (staying: ResetRecord[]) =>
    buildResetPacks(staying, staying.length),
  );
  if (chosen.length === 0) return 0;
  await replacePacks(packs, trans, chosen, repacked);
  if (moved.length > 0) await core.table('resets').mutate({ type: 'add', trans, values: moved });
  return chosen.length;
}

/** Takes these calls out of their packs, and their resets out of the reset packs naming them. */
export async function unpackCallsWithResets(ids: readonly number[]): Promise<void> {
  const sorted = [...ids].sort((a, b) => a - b);
  const wanted = new Set(ids);
  await unpackCalls(
    ([firstId, lastId]) => anyWithin(sorted, firstId, lastId),
    (call) => wanted.has(call.id),
  );
  // Only the reset packs that name one of the calls, found by their callIds index.
  const { core, trans } = underUpkeep();
  const resetPacks = core.table(RESET_PACKS);
  const callIds = resetPacks.schema.getIndexByKeyPath('callIds');
  if (!callIds) throw new Error(`${RESET_PACKS} has no callIds index`);
  const naming = await Dexie.Promise.all(
    ids.map((id) =>
      resetPacks.query({
        trans,
        values: false,
        query: { index: callIds, range: { type: 1 as never, lower: id, upper: id } },
      }),
    ),
  );
  // Each pack once, though it names several of the calls.
  const named = new Map(naming.flatMap((found) => found.result as PackKey[]).map((key) => [key.join(','), key]));
  await unpackResets([...named.values()], (reset) => reset.callId !== undefined && wanted.has(reset.callId));
}

/** Takes the call with this callKey out of its pack, if a pack holds it: only packs whose list names it are opened. */
export async function unpackCallKey(callKey: string): Promise<number> {
  const { core, trans } = underUpkeep();
  const naming = await corePacksNamingCallKey(core, trans, callKey);
  if (naming.length === 0) return 0;
  return unpackCalls(naming, (call) => call.callKey === callKey);
}

/**
 * Retention: packs wholly older than the cutoff go whole, their days rebuilt; packs across it
 * become rows, which the caller deletes as rows. Returns the ids of the calls deleted whole (their
 * resets and follow-ups must go with them) and how many resets went whole.
 */
export async function dropPacksBefore(cutoff: number): Promise<{ callIds: number[]; resets: number }> {
  const { core, trans, clock } = underUpkeep();
  const days = new Set<number>();
  const dropWhole = async (name: string) => {
    const table = core.table(name);
    const keys = (await headers(table, trans)).filter(([, , , toAt]) => toAt < cutoff);
    const packs = (await table.getMany({ trans, keys })) as ({ rows: { id: number }[] } | undefined)[];
    for (const [, , fromAt, toAt] of keys)
      for (let day = clock.startOfDay(fromAt); day <= toAt; day = nextDayStart(day, clock)) days.add(day);
    if (keys.length > 0) await table.mutate({ type: 'delete', trans, keys });
    return packs.flatMap((pack) => pack?.rows.map((row) => row.id) ?? []);
  };
  const callIds = await dropWhole(CALL_PACKS);
  const resets = (await dropWhole(RESET_PACKS)).length;
  await unpackCalls(([, , fromAt]) => fromAt < cutoff);
  await unpackResets(([, , fromAt]) => fromAt < cutoff);
  // Resets of the calls dropped whole, wherever they fall, go too: as rows, by the caller.
  const dropped = new Set(callIds);
  await unpackResets(
    () => true,
    (reset) => reset.callId !== undefined && dropped.has(reset.callId),
  );
  if (days.size > 0) await refreshDays(days);
  return { callIds, resets };
}
