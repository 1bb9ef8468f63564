/**
 * Issue 15, cold start: the background writes ended calls and reads the day's ratings straight
 * on IndexedDB. Coupled to the schema here: the rows and roll-ups are exactly what Dexie's path
 * writes, and any database this code does not know is left to Dexie.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { generateHistory } from '../../../scripts/seed-history';
import type { EndedCall } from '../../../src/calls/call';
import { callWrites } from '../../../src/db/call-writes';
import { rateCall, ratingsSince, recordEndedCalls } from '../../../src/db/calls';
import { localClock } from '../../../src/db/day-clock';
import { checkRollups } from '../../../src/db/day-rollup-check';
import { applyImport } from '../../../src/db/import';
import { openReboundDb, type ReboundDb, SCHEMA_VERSION } from '../../../src/db/schema';

const T0 = new Date(2026, 10, 25, 10, 0).getTime();
const DAY = 86_400_000;

const ended = (id: string, endedAt: number, extra: Partial<EndedCall> = {}): EndedCall => ({
  callKey: `hubspot:${id}`,
  tabId: 4,
  host: 'app.hubspot.com',
  source: 'hubspot',
  direction: 'outbound',
  startedAt: endedAt - 60_000,
  endedAt,
  durationMs: 60_000,
  outcome: 'completed',
  endReason: 'hang-up',
  ...extra,
});

const opened: ReboundDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function dexieDb(name = `call-writes-${Math.random()}`): Promise<ReboundDb> {
  const db = openReboundDb(name);
  opened.push(db);
  await db.open();
  return db;
}

const withoutIds = <T extends { id?: number }>(rows: T[]) => rows.map(({ id: _id, ...row }) => row);

describe('callWrites', () => {
  it('stores the rows and roll-ups Dexie’s own write stores', async () => {
    const calls = [
      ended('a', T0),
      ended('b', T0 + 5 * 60_000, { source: 'aircall', callKey: 'aircall:b', approximate: true }),
      ended('c', T0 - DAY, { endReason: 'tab-closed', direction: undefined, startedAt: undefined }),
      ended('d', T0 + 60_000, { talk: { heardMs: 50_000 } as unknown as EndedCall['talk'] }),
    ];
    const viaDexie = await dexieDb();
    await recordEndedCalls(viaDexie, calls);
    const raw = await dexieDb();
    const writes = callWrites({ schemaVersion: SCHEMA_VERSION, name: raw.name });
    expect(await writes.record(calls)).toBe(true);

    expect(withoutIds(await raw.calls.toArray())).toEqual(withoutIds(await viaDexie.calls.toArray()));
    expect(await raw.dayRollups.toArray()).toEqual(await viaDexie.dayRollups.toArray());
    expect((await checkRollups(raw, localClock)).differing).toEqual([]);
  });

  it('keeps roll-ups exact when it writes beside Dexie’s writes and ratings', async () => {
    const db = await dexieDb();
    const writes = callWrites({ schemaVersion: SCHEMA_VERSION, name: db.name });
    await recordEndedCalls(db, [ended('first', T0)]);
    await rateCall(db, 'hubspot:first', 'tough', T0 + 1000);
    expect(await writes.record([ended('second', T0 + 60_000), ended('third', T0 + 2 * 60_000)])).toBe(true);
    await db.resets.add({ kind: 'quick', callId: 1, startedAt: T0, completedAt: T0 + 5000, steps: [] } as never);
    expect(await writes.record([ended('fourth', T0 + 3 * 60_000)])).toBe(true);
    expect(await db.calls.count()).toBe(4);
    expect((await checkRollups(db, localClock)).differing).toEqual([]);
  });

  it('writes a call once by its callKey, in a batch and across batches', async () => {
    const db = await dexieDb();
    const writes = callWrites({ schemaVersion: SCHEMA_VERSION, name: db.name });
    await writes.record([ended('a', T0), ended('a', T0)]);
    await writes.record([ended('a', T0), ended('b', T0 + 1000)]);
    expect((await db.calls.toArray()).map((call) => call.callKey)).toEqual(['hubspot:a', 'hubspot:b']);
    expect((await db.dayRollups.toArray())[0]?.calls).toBe(2);
  });

  it('reads the ratings since a time, newest first, as the Dexie query does', async () => {
    const db = await dexieDb();
    await recordEndedCalls(db, [ended('old', T0 - DAY), ended('a', T0), ended('b', T0 + 1000), ended('c', T0 + 2000)]);
    await rateCall(db, 'hubspot:a', 'tough', T0);
    await rateCall(db, 'hubspot:c', 'fine', T0);
    const writes = callWrites({ schemaVersion: SCHEMA_VERSION, name: db.name });
    expect(await writes.ratingsSince(T0)).toEqual(await ratingsSince(db, T0));
    expect(await writes.ratingsSince(T0)).toEqual(['fine', undefined, 'tough']);
  });

  it('counts the ratings of imported calls, which an import packs, as the Dexie query does', async () => {
    const db = await dexieDb();
    const history = generateHistory({ calls: 40, callsPerDay: 20, resets: 0, endAt: T0 + DAY, seed: 7 });
    await applyImport(db, history, undefined, { packSize: 8 });
    expect(await db.callPacks.count()).toBeGreaterThan(1);
    await recordEndedCalls(db, [ended('live', T0 + DAY + 60_000)]);
    await rateCall(db, 'hubspot:live', 'tough', T0 + DAY + 60_000);
    const since = T0;
    const writes = callWrites({ schemaVersion: SCHEMA_VERSION, name: db.name });
    const raw = await writes.ratingsSince(since);
    expect(raw).toEqual(await ratingsSince(db, since));
    expect(raw?.length).toBe(history.calls.filter((call) => call.endedAt >= since).length + 1);
  });

  it('writes nothing and leaves it to Dexie when there is no database yet, and creates none', async () => {
    const name = `call-writes-missing-${Math.random()}`;
    const writes = callWrites({ schemaVersion: SCHEMA_VERSION, name });
    expect(await writes.record([ended('a', T0)])).toBe(false);
    expect(await writes.ratingsSince(T0)).toBeUndefined();
    expect((await Dexie.getDatabaseNames()).includes(name)).toBe(false);
  });

  it('leaves a database at another version to Dexie', async () => {
    const db = await dexieDb();
    const writes = callWrites({ schemaVersion: SCHEMA_VERSION + 1, name: db.name });
    expect(await writes.record([ended('a', T0)])).toBe(false);
    expect(await db.calls.count()).toBe(0);
  });

  it('steps aside for a delete, then leaves the new database to Dexie until it exists', async () => {
    const db = await dexieDb();
    const writes = callWrites({ schemaVersion: SCHEMA_VERSION, name: db.name });
    expect(await writes.record([ended('a', T0)])).toBe(true);
    await db.delete();
    expect(await writes.record([ended('b', T0)])).toBe(false);
    await db.open();
    expect(await writes.record([ended('c', T0)])).toBe(true);
    expect((await db.calls.toArray()).map((call) => call.callKey)).toEqual(['hubspot:c']);
  });

  it('writes none of a batch when one call cannot be stored', async () => {
    const db = await dexieDb();
    const writes = callWrites({ schemaVersion: SCHEMA_VERSION, name: db.name });
    const unstorable = { ...ended('b', T0), host: () => undefined } as unknown as EndedCall;
    await expect(writes.record([ended('a', T0), unstorable])).rejects.toThrow();
    expect(await db.calls.count()).toBe(0);
    expect(await db.dayRollups.count()).toBe(0);
    expect(await writes.record([ended('a', T0)])).toBe(true);
  });
});
