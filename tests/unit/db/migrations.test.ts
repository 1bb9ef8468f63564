/**
 * Every earlier schema version, written with its own raw Dexie declaration, opens under the
 * current one with nothing lost. Add a case here with each new version.
 */
import { Dexie } from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { rateCall } from '../../../src/db/calls';
import { localClock } from '../../../src/db/day-clock';
import { checkRollups } from '../../../src/db/day-rollup-check';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../../src/db/export-format';
import { dialersInHistory, historyCallIds } from '../../../src/db/history';
import { previewImport } from '../../../src/db/import';
import { callKeyHash } from '../../../src/db/packs/call-key-lists';
import { buildCallPacks } from '../../../src/db/packs/pack-build';
import { PACK_STORES } from '../../../src/db/packs/pack-record';
import { type CallRecord, openReboundDb, type ReboundDb, SCHEMA_VERSION } from '../../../src/db/schema';
import { CALLS, FOLLOW_UPS, NOW, RESETS } from './history-fixture';

const V1_STORES = {
  calls: '++id, &callKey, startedAt, endedAt, source, rating',
  resets: '++id, startedAt, callId, kind',
  followUps: '++id, dueAt, doneAt, callId',
};

let opened: ReboundDb | undefined;
afterEach(async () => {
  await opened?.delete();
});

/** A database written by an earlier version with `rows`, then opened by today's code. */
async function openedAfter(
  version: number,
  stores: Record<string, string>,
  rows: { calls: unknown[]; resets: unknown[]; followUps?: unknown[]; callPacks?: unknown[] },
): Promise<ReboundDb> {
  const name = `migrate-v${version}-${Math.random()}`;
  const earlier = new Dexie(name);
  earlier.version(version).stores(stores);
  await earlier.table('calls').bulkAdd(rows.calls);
  await earlier.table('resets').bulkAdd(rows.resets);
  if (rows.followUps) await earlier.table('followUps').bulkAdd(rows.followUps);
  if (rows.callPacks) await earlier.table('callPacks').bulkAdd(rows.callPacks);
  earlier.close();
  const db = openReboundDb(name);
  await db.open();
  return db;
}

it('a version 1 database opens as the current version with every row intact', async () => {
  // A call stored before every call carried tags (an early build wrote none).
  const { tags: _tags, ...untagged } = CALLS[7] as (typeof CALLS)[7];
  const v1Calls = CALLS.map((call) => (call.id === untagged.id ? untagged : call));
  opened = await openedAfter(1, V1_STORES, { calls: v1Calls, resets: RESETS, followUps: FOLLOW_UPS });
  expect(opened.verno).toBe(SCHEMA_VERSION);
  expect(await opened.calls.toArray()).toEqual(
    CALLS.map((call) => (call.id === untagged.id ? { ...call, tags: [] } : call)),
  );
  expect(await opened.resets.toArray()).toEqual(RESETS);
  expect(await opened.followUps.toArray()).toEqual(FOLLOW_UPS);

  // The new indexes are built over the old rows.
  expect(await opened.calls.where('[source+endedAt]').between(['aircall', 0], ['aircall', Infinity]).count()).toBe(2);
  expect(await opened.calls.where('[rating+endedAt]').between(['tough', 0], ['tough', Infinity]).count()).toBe(6);
  expect(await opened.resets.where('completedAt').above(0).count()).toBe(RESETS.length);
  expect(await historyCallIds(opened, { source: 'hubspot', rating: 'tough' })).toEqual([3, 1, 6, 7, 9]);
});

const V2_STORES = {
  calls: '++id, &callKey, startedAt, endedAt, source, rating, [source+endedAt], [rating+endedAt]',
  resets: '++id, startedAt, callId, kind, completedAt',
  followUps: '++id, dueAt, doneAt, callId',
};

const V3_STORES = {
  calls: '++id, &callKey, endedAt, [source+endedAt], [rating+endedAt], [host+endedAt]',
  resets: '++id, callId, completedAt',
  followUps: '++id, dueAt, doneAt, callId',
  dayRollups: 'day',
};

it('a version 3 database opens as the current version: old calls have no figures, new ones are found by them', async () => {
  opened = await openedAfter(3, V3_STORES, { calls: CALLS, resets: RESETS, followUps: FOLLOW_UPS });
  expect(opened.verno).toBe(SCHEMA_VERSION);
  expect(await opened.calls.toArray()).toEqual(CALLS);
  expect(await opened.resets.toArray()).toEqual(RESETS);
  expect(await opened.followUps.toArray()).toEqual(FOLLOW_UPS);
  // No old call claims figures it never had.
  expect(await opened.calls.where('talk.figures.heardS').above(0).count()).toBe(0);
  const talk = {
    figures: {
      heardS: 30,
      repTalkS: 10,
      otherTalkS: 15,
      overtalkS: 2,
      longestOtherS: 9,
      longestRepS: 6,
      silenceS: 7,
      loudMoments: 0,
    },
    timeline: [[1, 10] as [1, number], [2, 20] as [2, number]],
  };
  await opened.calls.update(1, { talk });
  expect((await opened.calls.where('talk.figures.heardS').above(0).toArray()).map((call) => call.id)).toEqual([1]);
});

it('a fresh database is created at the current version', async () => {
  opened = openReboundDb(`fresh-${Math.random()}`);
  await opened.open();
  expect(opened.verno).toBe(SCHEMA_VERSION);
  expect(opened.tables.map((table) => table.name).sort()).toEqual([
    'callKeyLists',
    'callPacks',
    'calls',
    'dayRollups',
    'followUps',
    'resetPacks',
    'resets',
  ]);
});

it('a version 2 database opens as the current version with its daily roll-ups built from every row', async () => {
  opened = await openedAfter(2, V2_STORES, { calls: CALLS, resets: RESETS, followUps: FOLLOW_UPS });
  expect(opened.verno).toBe(SCHEMA_VERSION);
  expect(await opened.calls.toArray()).toEqual(CALLS);
  expect(await opened.resets.toArray()).toEqual(RESETS);
  expect(await opened.followUps.toArray()).toEqual(FOLLOW_UPS);
  const rollups = await opened.dayRollups.toArray();
  expect(rollups.reduce((sum, day) => sum + day.calls, 0)).toBe(CALLS.length);
  expect(rollups.reduce((sum, day) => sum + day.resets, 0)).toBe(RESETS.length);
  expect(await checkRollups(opened, localClock)).toEqual({ stored: rollups.length, differing: [] });
  // The queries that moved off the dropped indexes still answer.
  expect(await dialersInHistory(opened)).toEqual([...new Set(CALLS.map((call) => call.source))].sort());
  expect(
    await opened.calls.where('[host+endedAt]').between([CALLS[0]?.host, 0], [CALLS[0]?.host, Infinity]).count(),
  ).toBe(CALLS.filter((call) => call.host === CALLS[0]?.host).length);
});

it('a version 1 database also gets its roll-ups on the way to the current version', async () => {
  opened = await openedAfter(1, V1_STORES, { calls: CALLS, resets: RESETS });
  expect(await checkRollups(opened, localClock)).toMatchObject({ differing: [] });
  expect((await opened.dayRollups.toArray()).reduce((sum, day) => sum + day.calls, 0)).toBe(CALLS.length);
});

const V4_STORES = {
  ...V3_STORES,
  calls: '++id, &callKey, endedAt, [source+endedAt], [rating+endedAt], [host+endedAt], talk.figures.heardS',
};

it('a version 4 database opens as the current version: every row stays a row, the pack tables start empty and answer their lookups', async () => {
  opened = await openedAfter(4, V4_STORES, { calls: CALLS, resets: RESETS, followUps: FOLLOW_UPS });
  expect(opened.verno).toBe(SCHEMA_VERSION);
  expect(await opened.calls.toArray()).toEqual(CALLS);
  expect(await opened.resets.toArray()).toEqual(RESETS);
  expect(await opened.followUps.toArray()).toEqual(FOLLOW_UPS);
  expect(await opened.callPacks.count()).toBe(0);
  expect(await opened.resetPacks.count()).toBe(0);
  // The pack indexes exist: a pack written now is found by host, by talk and by the calls it names.
  const [call] = CALLS as [CallRecord];
  await opened.callPacks.add({ ...header(call.id, call.endedAt), hosts: [call.host], hasTalk: 1, rows: [call] });
  await opened.resetPacks.add({ ...header(900, call.endedAt), callIds: [call.id], rows: [] });
  expect(await opened.callPacks.where('hosts').equals(call.host).count()).toBe(1);
  expect(await opened.callPacks.where('hasTalk').equals(1).count()).toBe(1);
  expect(await opened.resetPacks.where('callIds').equals(call.id).count()).toBe(1);
});

const header = (id: number, at: number) => ({ firstId: id, lastId: id, fromAt: at, toAt: at });

it('a version 5 database opens as the current version with a call-key list for each call pack already stored', async () => {
  const [rowCall, ...packedCalls] = CALLS as [CallRecord, ...CallRecord[]];
  const packs = buildCallPacks(packedCalls, 4);
  opened = await openedAfter(5, { ...V4_STORES, ...PACK_STORES }, { calls: [rowCall], resets: [], callPacks: packs });
  expect(opened.verno).toBe(SCHEMA_VERSION);
  expect(await opened.callPacks.toArray()).toEqual(packs);
  const [first] = await opened.callKeyLists.toArray();
  expect(first).toEqual({
    firstId: 2,
    lastId: 5,
    fromAt: Math.min(...packedCalls.slice(0, 4).map((call) => call.endedAt)),
    toAt: Math.max(...packedCalls.slice(0, 4).map((call) => call.endedAt)),
    hashes: Uint32Array.from(packedCalls.slice(0, 4).map((call) => callKeyHash(call.callKey))),
  });
  expect(await opened.callKeyLists.count()).toBe(packs.length);
  // The packed calls are found by callKey: an import of them adds none, a rating lands.
  const again = await previewImport(opened, {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: NOW,
    schemaVersion: 5,
    settings: undefined,
    calls: CALLS,
    resets: [],
    followUps: [],
  });
  expect(again.calls).toEqual({ add: 0, present: CALLS.length });
  const last = packedCalls[packedCalls.length - 1] as CallRecord;
  expect(await rateCall(opened, last.callKey, 'fine', NOW)).toBe(true);
  expect((await opened.calls.get(last.id))?.rating).toBe('fine');
});
