/**
 * The popup's warm-up opens the history database and lets go of it at once: it never creates a
 * missing database (Dexie creates it with its schema) and never holds a connection that would
 * block an upgrade or a delete.
 */
import { describe, expect, it } from 'vitest';
import { openReboundDb } from '../../../src/db/schema';
import { warmUpDatabase } from '../../../src/popup/warm-up-database';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('warmUpDatabase', () => {
  it('leaves a missing database missing', async () => {
    const name = `warm-up-missing-${Math.random()}`;
    warmUpDatabase(indexedDB, name);
    await settle();
    const names = (await indexedDB.databases()).map((info) => info.name);
    expect(names).not.toContain(name);
  });

  it('closes its connection, so the database can still be deleted at once', async () => {
    const name = `warm-up-existing-${Math.random()}`;
    const db = openReboundDb(name);
    await db.open();
    db.close();
    warmUpDatabase(indexedDB, name);
    await settle();
    let blocked = false;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onblocked = () => {
        blocked = true;
      };
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    expect(blocked).toBe(false);
  });
});
