import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CallRecord, openReboundDb, type ReboundDb } from '../../../src/db/schema';
import { talkInsights } from '../../../src/db/talk-insights';
import type { ConversationFigures } from '../../../src/talk/conversation-figures';

const MIN = 60_000;
let db: ReboundDb;
beforeEach(() => {
  db = openReboundDb(`talk-insights-${Math.random()}`);
});
afterEach(() => db.delete());

const figures = (f: Partial<ConversationFigures>): CallRecord['talk'] => ({
  figures: {
    heardS: 100,
    repTalkS: 50,
    otherTalkS: 50,
    overtalkS: 0,
    longestOtherS: 10,
    longestRepS: 10,
    silenceS: 0,
    loudMoments: 0,
    ...f,
  },
  timeline: [[1, 100]],
});

async function call(id: number, endedAt: number, fields: Partial<CallRecord>): Promise<void> {
  await db.calls.add({
    id,
    callKey: `k${id}`,
    source: 'webrtc',
    host: 'h',
    endedAt,
    outcome: 'completed',
    endReason: 'hang-up',
    tags: [],
    ...fields,
  });
}

describe('talk insights', () => {
  it('compares tough and fine calls, over the calls that have figures only', async () => {
    await call(1, 10 * MIN, { rating: 'tough', talk: figures({ repTalkS: 20, otherTalkS: 80, overtalkS: 30 }) });
    await call(2, 20 * MIN, { rating: 'tough', talk: figures({ repTalkS: 40, otherTalkS: 60, overtalkS: 10 }) });
    await call(3, 30 * MIN, { rating: 'fine', talk: figures({ repTalkS: 50, otherTalkS: 50 }) });
    await call(4, 40 * MIN, { rating: 'tough' });
    const insights = await talkInsights(db, 0, 60 * MIN);
    expect(insights.withFigures).toBe(3);
    expect(insights.tough).toEqual({ calls: 2, meanTalkShare: expect.closeTo(0.3), meanOvertalkS: 20 });
    expect(insights.fine).toEqual({ calls: 1, meanTalkShare: 0.5, meanOvertalkS: 0 });
  });

  it('times the next good call after rough-sounding calls, with and without a reset', async () => {
    await call(1, 10 * MIN, { talk: figures({ overtalkS: 40 }) });
    await call(2, 15 * MIN, { rating: 'fine' });
    await call(3, 100 * MIN, { talk: figures({ longestOtherS: 120 }) });
    await call(4, 130 * MIN, { rating: 'tough' });
    await call(5, 140 * MIN, { rating: 'fine' });
    await db.resets.add({ id: 1, kind: 'quick', callId: 1, startedAt: 11 * MIN, completedAt: 11 * MIN, steps: [] });
    const insights = await talkInsights(db, 0, 200 * MIN);
    expect(insights.nextGoodAfterResetMs).toBe(5 * MIN);
    expect(insights.nextGoodWithoutResetMs).toBe(40 * MIN);
  });

  it('has nothing to say without figures', async () => {
    await call(1, MIN, { rating: 'tough' });
    expect(await talkInsights(db, 0, 2 * MIN)).toMatchObject({ withFigures: 0, nextGoodAfterResetMs: undefined });
  });
});

describe('late figures', () => {
  it('join a call written without them, and never replace figures it has', async () => {
    const { addLateTalk } = await import('../../../src/db/calls');
    await call(1, MIN, {});
    await call(2, MIN, { talk: figures({ heardS: 5 }) });
    await addLateTalk(db, 'k1', figures({ heardS: 9 }) as NonNullable<CallRecord['talk']>);
    await addLateTalk(db, 'k2', figures({ heardS: 9 }) as NonNullable<CallRecord['talk']>);
    expect((await db.calls.get(1))?.talk?.figures.heardS).toBe(9);
    expect((await db.calls.get(2))?.talk?.figures.heardS).toBe(5);
  });
});
