import { openReboundDb, type ReboundDb } from '../db/schema';

let db: ReboundDb | undefined;

/**
 * The options page's one connection to the database, opened on first use. Its writes are an
 * import (up to hundreds of thousands of rows) or one edit the rep can see and redo, so they
 * need not wait for the disk: relaxed durability.
 */
export function optionsDb(): ReboundDb {
  db ??= openReboundDb(undefined, { durability: 'relaxed' });
  return db;
}
