/**
 * Packs are never edited: a write that touches a packed call or reset first turns its pack back
 * into rows, in the write's own transaction, and then runs as it would on rows. The rows move
 * below the roll-up upkeep: the roll-ups already count packed rows, and a move changes no day.
 * A packed call whose callKey is a row by now (recorded live, see storeOnce in calls.ts) is
 * dropped, as an import would have; its day is then rebuilt.
 */
import { type DBCoreTable, Dexie } from 'dexie';
import { nextDayStart } from '../day-clock';
import { refreshDays, underUpkeep } from '../day-rollup-upkeep';
import type { CallRecord, ResetRecord } from '../schema';
import { corePacksHoldingCallKey } from './call-key-lists';
import { CALL_PACKS, type PackKey, RESET_PACKS } from './pack-record';
import { anyWithin } from './packed-reads';

type Keep = (key: PackKey) => boolean;

// DBCoreRangeType.Any: an ambient const enum, which isolated modules cannot read.
const ANY = { type: 3 } as const;

function headers(table: DBCoreTable, trans: ReturnType<typeof underUpkeep>['trans']) {
  return table
    .query({ trans, values: false, query: { index: table.schema.primaryKey, range: ANY as never } })
    .then((found) => found.result as PackKey[]);
}

/** Unpacks the call packs whose header `keep` accepts, or whose rows `hold` accepts. */
export async function unpackCalls(keep: Keep, hold?: (call: CallRecord) => boolean): Promise<number> {
  const { core, trans, clock } = underUpkeep();
  const packs = core.table(CALL_PACKS);
  const calls = core.table('calls');
  const keys = (await headers(packs, trans)).filter(keep);
  const opened = (await packs.getMany({ trans, keys })) as ({ rows: CallRecord[] } | undefined)[];
  const chosen = keys.filter((_, index) => !hold || opened[index]?.rows.some(hold));
  if (chosen.length === 0) return 0;
  const rows = opened.filter((_, index) => !hold || opened[index]?.rows.some(hold)).flatMap((pack) => pack?.rows ?? []);
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
  await packs.mutate({ type: 'delete', trans, keys: chosen });
  const moved = rows.filter((call) => !here.has(call.callKey));
  if (moved.length > 0) await calls.mutate({ type: 'add', trans, values: moved });
  const dropped = rows.filter((call) => here.has(call.callKey));
  if (dropped.length > 0) await refreshDays(dropped.map((call) => clock.startOfDay(call.endedAt)));
  return chosen.length;
}

/** Unpacks the reset packs whose header `keep` accepts, or whose rows `hold` accepts. */
export async function unpackResets(keep: Keep, hold?: (reset: ResetRecord) => boolean): Promise<number> {
  const { core, trans } = underUpkeep();
  const packs = core.table(RESET_PACKS);
  const keys = (await headers(packs, trans)).filter(keep);
  const opened = (await packs.getMany({ trans, keys })) as ({ rows: ResetRecord[] } | undefined)[];
  const chosen = keys.filter((_, index) => !hold || opened[index]?.rows.some(hold));
  if (chosen.length === 0) return 0;
  const rows = opened.filter((_, index) => !hold || opened[index]?.rows.some(hold)).flatMap((pack) => pack?.rows ?? []);
  await packs.mutate({ type: 'delete', trans, keys: chosen });
  if (rows.length > 0) await core.table('resets').mutate({ type: 'add', trans, values: rows });
  return chosen.length;
}

/** Unpacks the packs holding these calls, and the reset packs naming them. */
export async function unpackCallsWithResets(ids: readonly number[]): Promise<void> {
  const sorted = [...ids].sort((a, b) => a - b);
  const wanted = new Set(ids);
  await unpackCalls(
    ([firstId, lastId]) => anyWithin(sorted, firstId, lastId),
    (call) => wanted.has(call.id),
  );
  await unpackResets(
    () => true,
    (reset) => reset.callId !== undefined && wanted.has(reset.callId),
  );
}

/** Unpacks the pack holding the call with this callKey, if a pack holds it: found by its list, not opened to look. */
export async function unpackCallKey(callKey: string): Promise<number> {
  const { core, trans } = underUpkeep();
  const holding = new Set((await corePacksHoldingCallKey(core, trans, callKey)).map((key) => key.join(',')));
  if (holding.size === 0) return 0;
  return unpackCalls(
    (key) => holding.has(key.join(',')),
    (call) => call.callKey === callKey,
  );
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
