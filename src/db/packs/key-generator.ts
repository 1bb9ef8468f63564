import { Dexie } from 'dexie';

/**
 * Moves a store's autoIncrement key generator past `highest`. Packed rows never pass through
 * their row store, so its generator would otherwise hand a live call an id a packed call has.
 * IndexedDB raises the generator when a put carries an explicit key at or above it; the row put
 * is deleted again at once. Both go straight to IndexedDB, in the current transaction and under
 * Dexie's middleware: the placeholder has no day and must not touch the roll-ups. A failure of
 * either request aborts the transaction, so the import it belongs to is undone with it.
 */
export function advanceKeyGenerator(store: string, highest: number): void {
  const trans = Dexie.currentTransaction?.idbtrans as IDBTransaction | undefined;
  if (!trans) throw new Error('advanceKeyGenerator runs inside a transaction');
  const rows = trans.objectStore(store);
  rows.put({ id: highest });
  rows.delete(highest);
}
