import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EndedCall } from '../../src/calls/call';
import { callByKey, latestCall, rateCall, recordEndedCall } from '../../src/db/calls';
import { recordReset, resetForCall, toughCallsAwaitingReset } from '../../src/db/resets';
import { DB_NAME, openReboundDb, type ReboundDb } from '../../src/db/schema';

const T0 = 1_700_000_000_000;

const ended = (callKey: string, overrides: Partial<EndedCall> = {}): EndedCall => ({
  callKey,
  tabId: 3,
  host: 'app.hubspot.com',
  source: 'hubspot',
  direction: 'outbound',
  startedAt: T0,
  endedAt: T0 + 60_000,
  durationMs: 55_000,
  outcome: 'completed',
  endReason: 'hang-up',
  ...overrides,
});

let db: ReboundDb;

beforeEach(() => {
  db = openReboundDb(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('openReboundDb', () => {
  it('defaults to the database named rebound', () => {
    const named = openReboundDb();
    expect(named.name).toBe(DB_NAME);
    expect(DB_NAME).toBe('rebound');
    named.close();
  });

  it('has the calls, resets, followUps, dayRollups, pack and call-key list tables with the designed indexes', async () => {
    await db.open();
    expect(db.verno).toBe(6);
    const schema = Object.fromEntries(
      db.tables.map((table) => [
        table.name,
        [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].sort(),
      ]),
    );
    expect(schema).toEqual({
      calls: [
        '++id',
        '&callKey',
        'endedAt',
        '[source+endedAt]',
        '[rating+endedAt]',
        '[host+endedAt]',
        'talk.figures.heardS',
      ].sort(),
      resets: ['++id', 'callId', 'completedAt'].sort(),
      followUps: ['++id', 'callId', 'doneAt', 'dueAt'].sort(),
      dayRollups: ['day'],
      callPacks: ['[firstId+lastId+fromAt+toAt]', '*hosts', 'hasTalk'].sort(),
      resetPacks: ['[firstId+lastId+fromAt+toAt]', '*callIds'].sort(),
      callKeyLists: ['[firstId+lastId+fromAt+toAt]'],
    });
  });

  it('refuses a second row with the same callKey', async () => {
    await db.calls.add({
      callKey: 'k',
      source: 's',
      host: 'h',
      endedAt: 1,
      outcome: 'unknown',
      endReason: 'hang-up',
      tags: [],
    } as never);
    await expect(
      db.calls.add({
        callKey: 'k',
        source: 's',
        host: 'h',
        endedAt: 2,
        outcome: 'unknown',
        endReason: 'hang-up',
        tags: [],
      } as never),
    ).rejects.toThrow();
  });
});

describe('recordEndedCall', () => {
  it('stores the call without its tab id, with no tags and no rating', async () => {
    const record = await recordEndedCall(db, ended('hubspot:a'));
    expect(record).toEqual({
      id: expect.any(Number),
      callKey: 'hubspot:a',
      source: 'hubspot',
      host: 'app.hubspot.com',
      direction: 'outbound',
      startedAt: T0,
      endedAt: T0 + 60_000,
      durationMs: 55_000,
      outcome: 'completed',
      endReason: 'hang-up',
      tags: [],
    });
    expect(await db.calls.get(record.id)).toEqual(record);
    expect(Object.keys(record)).not.toContain('tabId');
  });

  it('is idempotent by callKey: the second write returns the first record and adds no row', async () => {
    const first = await recordEndedCall(db, ended('hubspot:a'));
    const second = await recordEndedCall(db, ended('hubspot:a', { endedAt: T0 + 99_000, outcome: 'failed', tabId: 9 }));
    expect(second).toEqual(first);
    expect(await db.calls.count()).toBe(1);
    expect((await db.calls.get(first.id))?.outcome).toBe('completed');
  });

  it('is idempotent under concurrent writes of the same call', async () => {
    const results = await Promise.all([
      recordEndedCall(db, ended('hubspot:a')),
      recordEndedCall(db, ended('hubspot:a')),
    ]);
    expect(await db.calls.count()).toBe(1);
    expect(results[0]?.id).toBe(results[1]?.id);
  });

  it('keeps a call of unknown length without startedAt or durationMs', async () => {
    const record = await recordEndedCall(db, ended('hubspot:lone', { startedAt: undefined, durationMs: undefined }));
    const stored = await db.calls.get(record.id);
    expect(stored?.startedAt).toBeUndefined();
    expect(stored?.durationMs).toBeUndefined();
  });

  it('keeps a rating given before a repeat of the same call', async () => {
    await recordEndedCall(db, ended('hubspot:a'));
    await rateCall(db, 'hubspot:a', 'so-so', T0 + 70_000);
    const again = await recordEndedCall(db, ended('hubspot:a'));
    expect(again.rating).toBe('so-so');
  });
});

describe('rateCall', () => {
  it('sets rating and ratedAt', async () => {
    const { id } = await recordEndedCall(db, ended('hubspot:a'));
    await expect(rateCall(db, 'hubspot:a', 'tough', T0 + 61_000)).resolves.toBe(true);
    expect(await db.calls.get(id)).toMatchObject({ rating: 'tough', ratedAt: T0 + 61_000 });
  });

  it('replaces an earlier rating', async () => {
    const { id } = await recordEndedCall(db, ended('hubspot:a'));
    await rateCall(db, 'hubspot:a', 'tough', T0 + 61_000);
    await rateCall(db, 'hubspot:a', 'fine', T0 + 62_000);
    expect(await db.calls.get(id)).toMatchObject({ rating: 'fine', ratedAt: T0 + 62_000 });
  });

  it('returns false for an unknown callKey and changes nothing', async () => {
    const { id } = await recordEndedCall(db, ended('hubspot:a'));
    await expect(rateCall(db, 'hubspot:nope', 'tough', T0)).resolves.toBe(false);
    expect((await db.calls.get(id))?.rating).toBeUndefined();
  });
});

describe('latestCall and callByKey', () => {
  it('latestCall is undefined on an empty database', async () => {
    expect(await latestCall(db)).toBeUndefined();
  });

  it('latestCall returns the most recently ended call, whatever the insertion order', async () => {
    await recordEndedCall(db, ended('hubspot:middle', { endedAt: T0 + 2_000 }));
    await recordEndedCall(db, ended('hubspot:newest', { endedAt: T0 + 3_000 }));
    await recordEndedCall(db, ended('hubspot:oldest', { endedAt: T0 + 1_000 }));
    expect((await latestCall(db))?.callKey).toBe('hubspot:newest');
  });

  it('callByKey finds a call by its key, or nothing', async () => {
    await recordEndedCall(db, ended('hubspot:a'));
    expect((await callByKey(db, 'hubspot:a'))?.callKey).toBe('hubspot:a');
    expect(await callByKey(db, 'hubspot:b')).toBeUndefined();
  });
});

describe('resets', () => {
  it('recordReset stores a reset and returns its id', async () => {
    const id = await recordReset(db, { kind: 'quick', startedAt: T0, completedAt: T0 + 5_000, steps: ['breathe-5'] });
    expect(await db.resets.get(id)).toEqual({
      id,
      kind: 'quick',
      startedAt: T0,
      completedAt: T0 + 5_000,
      steps: ['breathe-5'],
    });
  });

  it('resetForCall finds the reset that followed a call, and nothing for another call', async () => {
    const call = await recordEndedCall(db, ended('hubspot:a'));
    const other = await recordEndedCall(db, ended('hubspot:b'));
    await recordReset(db, { kind: 'quick', startedAt: T0, completedAt: T0, steps: [] });
    const id = await recordReset(db, {
      kind: 'after-call',
      callId: call.id,
      startedAt: T0,
      completedAt: T0,
      steps: ['rate'],
    });
    expect((await resetForCall(db, call.id))?.id).toBe(id);
    expect(await resetForCall(db, other.id)).toBeUndefined();
  });
});

describe('toughCallsAwaitingReset', () => {
  const startOfToday = new Date(2024, 4, 14, 0, 0, 0, 0).getTime();
  const hour = 3_600_000;

  async function rated(callKey: string, endedAt: number, rating?: 'fine' | 'so-so' | 'tough') {
    const record = await recordEndedCall(db, ended(callKey, { startedAt: endedAt - 60_000, endedAt }));
    if (rating) await rateCall(db, callKey, rating, endedAt + 1_000);
    return record;
  }

  it('is zero with no calls', async () => {
    expect(await toughCallsAwaitingReset(db, startOfToday)).toBe(0);
  });

  it("counts only today's tough calls that no reset followed", async () => {
    const toughA = await rated('hubspot:tough-a', startOfToday + 9 * hour, 'tough');
    await rated('hubspot:tough-b', startOfToday + 10 * hour, 'tough');
    await rated('hubspot:tough-c', startOfToday, 'tough');
    await rated('hubspot:yesterday', startOfToday - 1, 'tough');
    await rated('hubspot:fine', startOfToday + 11 * hour, 'fine');
    await rated('hubspot:so-so', startOfToday + 11 * hour, 'so-so');
    await rated('hubspot:unrated', startOfToday + 12 * hour);
    expect(await toughCallsAwaitingReset(db, startOfToday)).toBe(3);

    await recordReset(db, { kind: 'after-call', callId: toughA.id, startedAt: 0, completedAt: 0, steps: [] });
    expect(await toughCallsAwaitingReset(db, startOfToday)).toBe(2);

    await recordReset(db, { kind: 'quick', startedAt: startOfToday + 13 * hour, completedAt: 0, steps: ['breathe-5'] });
    expect(await toughCallsAwaitingReset(db, startOfToday)).toBe(2);
  });

  it('drops a call once it is re-rated away from tough', async () => {
    await rated('hubspot:a', startOfToday + hour, 'tough');
    await rateCall(db, 'hubspot:a', 'fine', startOfToday + 2 * hour);
    expect(await toughCallsAwaitingReset(db, startOfToday)).toBe(0);
  });
});
