/**
 * The orders IndexedDB hands rows in, for merging packed rows with rows: an index walks its key,
 * then the primary key (the id) on a tie.
 */
import type { CallRecord, ResetRecord } from '../schema';

/** Newest end first, the higher id first on a tie: an endedAt index walked backwards. */
export const newestCallFirst = (a: CallRecord, b: CallRecord): number => b.endedAt - a.endedAt || b.id - a.id;

/** Oldest end first, the lower id first on a tie: an endedAt index walked forwards. */
export const oldestCallFirst = (a: CallRecord, b: CallRecord): number => a.endedAt - b.endedAt || a.id - b.id;

/** Newest completion first, the higher id first on a tie. */
export const newestResetFirst = (a: ResetRecord, b: ResetRecord): number =>
  b.completedAt - a.completedAt || b.id - a.id;

export const byId = (a: { id: number }, b: { id: number }): number => a.id - b.id;
