/**
 * Packed history: an import writes its calls and resets several hundred to a record, because
 * IndexedDB's cost is per request, not per byte (150,000 single puts take 10–20 s in Chrome; the
 * same rows 500 to a record, about half a second). A pack is never edited: a write that touches a
 * packed row unpacks its pack into rows first (unpack.ts).
 */
import type { CallRecord, ResetRecord } from '../schema';

export const CALL_PACKS = 'callPacks';
export const RESET_PACKS = 'resetPacks';
/** Each call pack's ids and callKeys, under the pack's own key (call-key-lists.ts). */
export const CALL_KEY_LISTS = 'callKeyLists';
export const PACK_TABLES: readonly string[] = [CALL_PACKS, RESET_PACKS, CALL_KEY_LISTS];

/** Rows a pack holds at most: a few hundred packs for 100,000 calls. */
export const PACK_SIZE = 500;

/**
 * A pack's primary key is its header: lowest and highest id, earliest and latest time (a call's
 * endedAt, a reset's completedAt). One key-only read lists every pack's header, so finding the
 * packs for an id or a period opens none of the others.
 */
export type PackKey = [firstId: number, lastId: number, fromAt: number, toAt: number];

export interface PackHeader {
  firstId: number;
  lastId: number;
  fromAt: number;
  toAt: number;
}

export interface CallPack extends PackHeader {
  /** The hosts of its calls, each once (a multiEntry index: a site's last call). */
  hosts: string[];
  /** 1 when a call in it has conversation figures with seconds heard (an index: talk insights). */
  hasTalk?: 1;
  /** Sorted by id. */
  rows: CallRecord[];
}

export interface ResetPack extends PackHeader {
  /** The calls its resets follow, each once (a multiEntry index: the resets of a call). */
  callIds: number[];
  /** Sorted by id. */
  rows: ResetRecord[];
}

/**
 * A call pack's calls by callKey, without their rows: a few kilobytes a pack where the pack is
 * hundreds, so finding the pack that holds a callKey (a rating from the popup) or the callKeys
 * already here (a second import) opens no pack. Three values a pack, not one a call: a string and
 * typed arrays are read back as one copy each, where 500 strings are 500 objects to rebuild
 * (getAll of every list at 100,000 calls: 23–37 ms as arrays of strings).
 */
export interface CallKeyList extends PackHeader {
  /** The pack's call ids, in its rows' order. */
  ids: Float64Array;
  /** The callKeys of those calls, in the same order, one after another. */
  callKeys: string;
  /** The length of each callKey in `callKeys`. */
  lengths: Uint32Array;
}

export type AnyPack = CallPack | ResetPack;

export const PACK_STORES = {
  [CALL_PACKS]: '[firstId+lastId+fromAt+toAt], *hosts, hasTalk',
  [RESET_PACKS]: '[firstId+lastId+fromAt+toAt], *callIds',
};

export const CALL_KEY_LIST_STORE = { [CALL_KEY_LISTS]: '[firstId+lastId+fromAt+toAt]' };

export const headerOf = ([firstId, lastId, fromAt, toAt]: PackKey): PackHeader => ({ firstId, lastId, fromAt, toAt });
export const keyOf = (pack: PackHeader): PackKey => [pack.firstId, pack.lastId, pack.fromAt, pack.toAt];
