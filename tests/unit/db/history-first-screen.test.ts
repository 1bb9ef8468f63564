/**
 * History's first screen reads a page of calls, not the history: on an imported (packed) history
 * it opens the newest call pack once, and only the reset packs that hold the screen's resets.
 */
import type { DBCore } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { generateHistory } from '../../../scripts/seed-history';
import { historyCallIds, historyFirstScreen, historyRows } from '../../../src/db/history';
import { applyImport } from '../../../src/db/import';
import { openReboundDb, type ReboundDb } from '../../../src/db/schema';

const T0 = Date.UTC(2026, 10, 25, 17, 0);
let db: ReboundDb;
/** Records read by key (get, getMany) per table, from when `counting` is set. */
let read: Map<string, number>;
let counting = false;

function countingDb(name: string): ReboundDb {
  const opened = openReboundDb(name);
  opened.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(tableName) {
        const table = down.table(tableName);
        const add = (records: number) => {
          if (counting) read.set(tableName, (read.get(tableName) ?? 0) + records);
        };
        return {
          ...table,
          get: (request) => {
            add(1);
            return table.get(request);
          },
          getMany: (request) => {
            add(request.keys.length);
            return table.getMany(request);
          },
        };
      },
    }),
  });
  return opened;
}

afterEach(async () => {
  counting = false;
  await db.delete();
});

describe('History first screen', () => {
  it('opens the newest call pack once and no other, and gives the rows the full list would', async () => {
    db = countingDb(`first-screen-${Math.random()}`);
    const history = generateHistory({ calls: 200, callsPerDay: 20, resets: 100, endAt: T0, seed: 15 });
    await applyImport(db, history, undefined, { packSize: 20 });
    expect(await db.callPacks.count()).toBe(10);
    read = new Map();
    counting = true;

    const screen = await historyFirstScreen(db, {}, 5);
    counting = false;
    expect(read.get('callPacks')).toBe(1);
    expect(read.get('resetPacks') ?? 0).toBeLessThanOrEqual(1);
    const newest = (await historyCallIds(db, {})).slice(0, 5);
    expect(screen).toEqual(await historyRows(db, newest));
  });
});
