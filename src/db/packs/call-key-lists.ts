/**
 * Each call pack's callKeys, hashed, kept beside it under the same key (pack-record.ts's
 * CallKeyList). A Dexie middleware writes them: every add, put, delete or clear of call packs, by
 * whatever module, does the same to the lists in its own transaction, so a list exists exactly
 * while its pack does.
 *
 * Why not a multiEntry callKey index on the packs: an index entry a call is 100,000 entries
 * written by a 100,000-call import; a list is one more small record per 500 calls.
 */
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTransaction, Middleware, Table } from 'dexie';
import { CALL_KEY_LISTS, CALL_PACKS, type CallKeyList, type CallPack, keyOf, type PackKey } from './pack-record';

// DBCoreRangeType.Any: an ambient const enum, which isolated modules cannot read.
const ANY = { type: 3 } as unknown as DBCoreKeyRange;

/** 32-bit FNV-1a over the key's UTF-16 code units: which packs may hold it, checked on the rows. */
export function callKeyHash(callKey: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < callKey.length; index++) {
    hash ^= callKey.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export const callKeyListOf = (pack: CallPack): CallKeyList => ({
  firstId: pack.firstId,
  lastId: pack.lastId,
  fromAt: pack.fromAt,
  toAt: pack.toAt,
  hashes: Uint32Array.from(pack.rows, (call) => callKeyHash(call.callKey)),
});

/** The write on the lists that mirrors a write on the call packs. */
function mirrored(request: DBCoreMutateRequest): DBCoreMutateRequest {
  switch (request.type) {
    case 'add':
    case 'put':
      return { type: request.type, trans: request.trans, values: (request.values as CallPack[]).map(callKeyListOf) };
    case 'delete':
    case 'deleteRange':
      return request;
  }
}

export function callKeyListUpkeep(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'call-key-lists',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== CALL_PACKS) return table;
          return {
            ...table,
            mutate: (request) =>
              table.mutate(request).then((response) =>
                down
                  .table(CALL_KEY_LISTS)
                  .mutate(mirrored(request))
                  .then(() => response),
              ),
          };
        },
      };
    },
  };
}

const naming = (lists: readonly CallKeyList[], hashes: ReadonlySet<number>): PackKey[] =>
  lists.filter((list) => list.hashes.some((hash) => hashes.has(hash))).map(keyOf);

/**
 * The stored id of each of `wanted` that a pack holds. Only the packs whose lists name one of
 * them are opened: an import of calls not here opens none, one overlapping the newest weeks
 * opens those weeks' packs.
 */
export async function packedCallIdsByKey(
  db: { callKeyLists: Table<CallKeyList, PackKey>; callPacks: Table<CallPack, PackKey> },
  wanted: ReadonlySet<string>,
): Promise<Map<string, number>> {
  const hashes = new Set([...wanted].map(callKeyHash));
  const candidates = naming(await db.callKeyLists.toArray(), hashes);
  const found = new Map<string, number>();
  for (const pack of await db.callPacks.bulkGet(candidates))
    for (const call of pack?.rows ?? []) if (wanted.has(call.callKey)) found.set(call.callKey, call.id);
  return found;
}

/** The keys of the packs that may hold a call with this callKey (its hash), at Dexie's DBCore level. */
export function corePacksNamingCallKey(core: DBCore, trans: DBCoreTransaction, callKey: string): Promise<PackKey[]> {
  const lists = core.table(CALL_KEY_LISTS);
  return lists
    .query({ trans, values: true, query: { index: lists.schema.primaryKey, range: ANY } })
    .then((found) => naming(found.result as CallKeyList[], new Set([callKeyHash(callKey)])));
}
