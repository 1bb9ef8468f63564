/**
 * The popup's first script: a classic one, run as its HTML is parsed (scripts/build.ts puts it
 * ahead of the page's module). See warm-up-database.ts.
 */
import { DB_NAME } from '../db/db-name';
import { warmUpDatabase } from './warm-up-database';

warmUpDatabase(indexedDB, DB_NAME);
