import { openReboundDb, type ReboundDb } from '../db/schema';

let db: ReboundDb | undefined;

/** The options page's one connection to the database, opened on first use. */
export function optionsDb(): ReboundDb {
  db ??= openReboundDb();
  return db;
}
