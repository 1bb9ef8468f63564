/**
 * Each call pack's ids and callKeys, kept beside it under the same key (pack-record.ts's
 * CallKeyList). A Dexie middleware writes them: every add, put, delete or clear of call packs, by
 * whatever module, does the same to the lists in its own transaction, so a list exists exactly
 * while its pack does.
 *
 * Why not a multiEntry callKey index on the packs: an index entry a call is 100,000 entries
 * written by a 100,000-call import; a list is one more record per 500 calls.
 */
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTransaction, Middleware, Table } from 'dexie';
import { CALL_KEY_LISTS, CALL_PACKS, type CallKeyList, type CallPack, keyOf, type PackKey } from './pack-record';

// DBCoreRangeType.Any: an ambient const enum, which isolated modules cannot read.
const ANY = { type: 3 } as unknown as DBCoreKeyRange;

export const callKeyListOf = (pack: CallPack): CallKeyList => ({
  firstId: pack.firstId,
  lastId: pack.lastId,
  fromAt: pack.fromAt,
  toAt: pack.toAt,
  ids: Float64Array.from(pack.rows, (call) => call.id),
  callKeys: pack.rows.map((call) => call.callKey).join(''),
  lengths: Uint32Array.from(pack.rows, (call) => call.callKey.length),
});

/** A list's callKeys, one a call, in its ids' order. */
export function callKeysOf({ callKeys, lengths }: CallKeyList): string[] {
  const keys: string[] = [];
  let start = 0;
  for (const length of lengths) {
    keys.push(callKeys.slice(start, start + length));
    start += length;
  }
  return keys;
}

/** Whether the list's pack holds a call with this callKey; the text search rules out the rest at once. */
const holds = (list: CallKeyList, callKey: string): boolean =>
  list.callKeys.includes(callKey) && callKeysOf(list).includes(callKey);

/** The write on the lists that mirrors a write on the call packs. */
function mirrored(request: DBCoreMutateRequest): DBCoreMutateRequest {
  switch (request.type) {
    case 'add':
    case 'put':
      return { type: request.type, trans: request.trans, values: (request.values as CallPack[]).map(callKeyListOf) };
    case 'delete':
      return request;
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

/** The stored id of each of `wanted` that a pack holds. */
export async function packedCallIdsByKey(
  lists: Table<CallKeyList, PackKey>,
  wanted: ReadonlySet<string>,
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const list of await lists.toArray())
    callKeysOf(list).forEach((callKey, index) => {
      if (wanted.has(callKey)) found.set(callKey, list.ids[index] as number);
    });
  return found;
}

/**
 * The key of the pack holding a call with this callKey, if one does, at Dexie's DBCore level. The
 * lists are walked newest ids first and no further once found: the calls a rep rates (the last
 * call, the one just nudged) are in the newest packs, so this reads one list, not every one
 * (all of them are about 3 MB at 100,000 calls: 27–41 ms).
 */
export function corePacksHoldingCallKey(core: DBCore, trans: DBCoreTransaction, callKey: string): Promise<PackKey[]> {
  const lists = core.table(CALL_KEY_LISTS);
  const query = { index: lists.schema.primaryKey, range: ANY };
  return lists.openCursor({ trans, values: true, reverse: true, query }).then((cursor) => {
    if (!cursor) return [];
    let found: PackKey[] = [];
    return cursor
      .start(() => {
        const list = cursor.value as CallKeyList;
        if (!holds(list, callKey)) return cursor.continue();
        found = [keyOf(list)];
        cursor.stop();
      })
      .then(() => found);
  });
}
