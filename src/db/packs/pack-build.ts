import type { CallRecord, ResetRecord } from '../schema';
import { type CallPack, PACK_SIZE, type PackHeader, type ResetPack } from './pack-record';

/** Rows sorted by id, cut into runs of `size`. */
function runsById<T extends { id: number }>(rows: readonly T[], size: number): T[][] {
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  const runs: T[][] = [];
  for (let start = 0; start < sorted.length; start += size) runs.push(sorted.slice(start, start + size));
  return runs;
}

function header<T extends { id: number }>(rows: readonly T[], at: (row: T) => number): PackHeader {
  let fromAt = Number.POSITIVE_INFINITY;
  let toAt = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    fromAt = Math.min(fromAt, at(row));
    toAt = Math.max(toAt, at(row));
  }
  return { firstId: (rows[0] as T).id, lastId: (rows[rows.length - 1] as T).id, fromAt, toAt };
}

/** Whether a call counts for talk insights: the same test as its `talk.figures.heardS` index. */
export const hasHeardTalk = (call: CallRecord): boolean => (call.talk?.figures.heardS ?? 0) > 0;

export function buildCallPacks(calls: readonly CallRecord[], size = PACK_SIZE): CallPack[] {
  return runsById(calls, size).map((rows) => ({
    ...header(rows, (call) => call.endedAt),
    hosts: [...new Set(rows.map((call) => call.host))],
    ...(rows.some(hasHeardTalk) ? { hasTalk: 1 as const } : {}),
    rows,
  }));
}

export function buildResetPacks(resets: readonly ResetRecord[], size = PACK_SIZE): ResetPack[] {
  return runsById(resets, size).map((rows) => ({
    ...header(rows, (reset) => reset.completedAt),
    callIds: [...new Set(rows.flatMap((reset) => (reset.callId === undefined ? [] : [reset.callId])))],
    rows,
  }));
}
