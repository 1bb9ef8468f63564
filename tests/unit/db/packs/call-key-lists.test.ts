/**
 * The call-key lists spare the by-callKey paths a read of every pack: a rating of an imported
 * call opens the one pack that holds it (and moves that call alone out of it), and an import
 * opens only the packs holding calls it names.
 * Packs opened are counted under every other middleware, so the writers' own DBCore reads
 * (packs/unpack.ts) count too.
 */
import type { DBCore, Middleware } from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { generateHistory } from '../../../../scripts/seed-history';
import { latestCall, rateCall } from '../../../../src/db/calls';
import { applyImport, previewImport } from '../../../../src/db/import';
import { callKeyHash } from '../../../../src/db/packs/call-key-lists';
import { CALL_PACKS } from '../../../../src/db/packs/pack-record';
import { openReboundDb, type ReboundDb } from '../../../../src/db/schema';
import { NOW, utcClock } from '../history-fixture';

const PACK_SIZE = 10;
const CALLS = 200;

let db: ReboundDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** A database that counts the call packs it reads with their values, by any means. */
function countingPacksOpened(): { db: ReboundDb; opened: { packs: number } } {
  const opened = { packs: 0 };
  const counter: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'count-call-packs-opened',
    level: -1,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== CALL_PACKS) return table;
          return {
            ...table,
            get: (request) =>
              table.get(request).then((pack) => {
                if (pack) opened.packs++;
                return pack;
              }),
            getMany: (request) =>
              table.getMany(request).then((packs) => {
                opened.packs += packs.filter(Boolean).length;
                return packs;
              }),
            query: (request) =>
              table.query(request).then((found) => {
                if (request.values) opened.packs += found.result.length;
                return found;
              }),
            openCursor: (request) => {
              // A cursor with values reads packs one by one: count it as reading all of them.
              if (request.values) opened.packs += CALLS;
              return table.openCursor(request);
            },
          };
        },
      };
    },
  };
  const counted = openReboundDb(`call-key-lists-${Math.random()}`, { clock: utcClock });
  counted.use(counter);
  return { db: counted, opened };
}

const history = () => generateHistory({ calls: CALLS, resets: 40, endAt: NOW, seed: 7 });

it('rating an imported call by its callKey opens only the pack that holds it', async () => {
  const counted = countingPacksOpened();
  db = counted.db;
  await applyImport(db, history(), undefined, { packSize: PACK_SIZE });
  expect(await db.callPacks.count()).toBe(CALLS / PACK_SIZE);
  const last = await latestCall(db);
  if (!last) throw new Error('the import stored no call');

  const day = utcClock.startOfDay(last.endedAt);
  const nextDay = day + 86_400_000;
  const ofItsDay = (await db.callPacks.toArray()).filter((pack) => pack.fromAt < nextDay && pack.toAt >= day).length;

  counted.opened.packs = 0;
  expect(await rateCall(db, last.callKey, 'tough', NOW)).toBe(true);
  // Its own pack, to take the call out; then the day's roll-up is rebuilt from the day's rows
  // and packs (its pack among them, without the call).
  expect(counted.opened.packs).toBe(1 + ofItsDay);
  expect(ofItsDay).toBeLessThan(CALLS / PACK_SIZE);
  // The call alone became a row: the rest of its pack stays packed.
  expect(await db.calls.toArray()).toEqual([{ ...last, rating: 'tough', ratedAt: NOW }]);
  expect((await db.callPacks.toArray()).flatMap((pack) => pack.rows)).toHaveLength(CALLS - 1);
});

it('an import opens only the packs holding calls it names', async () => {
  const counted = countingPacksOpened();
  db = counted.db;
  const first = history();
  await applyImport(db, first, undefined, { packSize: PACK_SIZE });
  // A later export: the newest 15 calls again (the last two packs), then 30 new ones.
  const later = generateHistory({ calls: CALLS + 30, resets: 0, endAt: NOW + 86_400_000, seed: 7 });
  const newest = new Set(first.calls.slice(-15).map((call) => call.callKey));
  const overlapping = { ...later, calls: [...first.calls.slice(-15), ...later.calls.slice(-30)], resets: [] };
  const fresh = { ...later, calls: later.calls.slice(-30), resets: [] };
  expect(fresh.calls.some((call) => newest.has(call.callKey))).toBe(false);

  counted.opened.packs = 0;
  expect((await previewImport(db, fresh)).calls).toEqual({ add: 30, present: 0 });
  expect(counted.opened.packs).toBe(0);
  expect((await previewImport(db, overlapping)).calls).toEqual({ add: 30, present: 15 });
  expect(counted.opened.packs).toBe(2);
});

it('a callKey is matched whole', async () => {
  const document = generateHistory({ calls: 4, resets: 0, endAt: NOW, seed: 3 });
  // Stored one after another as 'ab:1', 'c', 'ab:1c', '': 'b:1c' and '1ca' are in the text, not in the pack.
  ['ab:1', 'c', 'ab:1c', ''].forEach((callKey, index) => {
    (document.calls[index] as { callKey: string }).callKey = callKey;
  });
  db = openReboundDb(`call-key-lists-${Math.random()}`, { clock: utcClock });
  await applyImport(db, document, undefined, { packSize: 4 });
  expect(await rateCall(db, 'b:1c', 'tough', NOW)).toBe(false);
  expect(await rateCall(db, '1ca', 'tough', NOW)).toBe(false);
  expect(await rateCall(db, 'ab:1c', 'tough', NOW)).toBe(true);
  expect((await db.calls.toArray()).map((call) => [call.callKey, call.rating])).toEqual([['ab:1c', 'tough']]);
  expect(await previewImport(db, document)).toMatchObject({ calls: { add: 0, present: 4 } });
});

it('hashes callKeys with 32-bit FNV-1a', () => {
  expect([callKeyHash(''), callKeyHash('a'), callKeyHash('foobar')]).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968]);
});

it('two callKeys with one hash: each finds its own call', async () => {
  expect(callKeyHash('costarring')).toBe(callKeyHash('liquid'));
  const document = generateHistory({ calls: 4, resets: 0, endAt: NOW, seed: 5 });
  ['costarring', 'a', 'b', 'liquid'].forEach((callKey, index) => {
    (document.calls[index] as { callKey: string }).callKey = callKey;
  });
  db = openReboundDb(`call-key-lists-${Math.random()}`, { clock: utcClock });
  await applyImport(db, document, undefined, { packSize: 2 });
  expect(await rateCall(db, 'liquid', 'tough', NOW)).toBe(true);
  expect((await db.calls.toArray()).map((call) => [call.callKey, call.rating])).toEqual([['liquid', 'tough']]);
  const again = { ...document, calls: document.calls.filter((call) => call.callKey === 'costarring') };
  expect((await previewImport(db, again)).calls).toEqual({ add: 0, present: 1 });
});
