/**
 * Packed history: an import writes its calls and resets several hundred to a record, because
 * IndexedDB's cost is per request, not per byte (150,000 single puts take 10–20 s in Chrome; the
 * same rows 500 to a record, about half a second). A packed row is never edited in its pack: a
 * write that touches one first takes it out as a row, the pack replaced by one of the rest (unpack.ts).
 */
import type { CallRecord, ResetRecord } from '../schema';

export const CALL_PACKS = 'callPacks';
export const RESET_PACKS = 'resetPacks';
/** Each call pack's callKeys, hashed, under the pack's own key (call-key-lists.ts). */
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
 * A call pack's callKeys, hashed, without its rows: 2 KB a pack where the pack is hundreds, so the
 * packs that may hold a callKey (a rating from the popup, a second import) are found without
 * opening the others. Hashes, not the keys: the lists are written by every import, and the keys
 * themselves (3 MB at 100,000 calls, with their ids) cost the import about a quarter more CPU.
 * A hash only names candidates: the pack is opened to find the call itself.
 */
export interface CallKeyList extends PackHeader {
  /** callKeyHash of each call in the pack (packs/call-key-lists.ts). */
  hashes: Uint32Array;
}

export type AnyPack = CallPack | ResetPack;

export const PACK_STORES = {
  [CALL_PACKS]: '[firstId+lastId+fromAt+toAt], *hosts, hasTalk',
  [RESET_PACKS]: '[firstId+lastId+fromAt+toAt], *callIds',
};

export const CALL_KEY_LIST_STORE = { [CALL_KEY_LISTS]: '[firstId+lastId+fromAt+toAt]' };

export const headerOf = ([firstId, lastId, fromAt, toAt]: PackKey): PackHeader => ({ firstId, lastId, fromAt, toAt });
export const keyOf = (pack: PackHeader): PackKey => [pack.firstId, pack.lastId, pack.fromAt, pack.toAt];
