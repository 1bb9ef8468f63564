import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNudgeFlow, type HeldNudge, type NudgeRequest, type ShortCall } from '../../src/background/nudge-flow';
import { HELD_NUDGE_MAX_AGE_MS } from '../../src/background/nudge-policy';
import type { EndedCall } from '../../src/calls/call';
import { rateCall, recordEndedCall } from '../../src/db/calls';
import { openReboundDb, type ReboundDb } from '../../src/db/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { memorySlot } from './fakes/memory-slot';

const NOW = new Date(2026, 10, 25, 10, 30).getTime();
let db: ReboundDb;
let dbCount = 0;

beforeEach(() => {
  db = openReboundDb(`nudge-flow-${dbCount++}`);
});
afterEach(() => db.delete());

const call = (id: string, tabId: number, overrides: Partial<EndedCall> = {}): EndedCall => ({
  callKey: `hubspot:${id}`,
  tabId,
  host: 'crm.example',
  source: 'hubspot',
  startedAt: NOW - 120_000,
  endedAt: NOW,
  durationMs: 120_000,
  outcome: 'completed',
  endReason: 'hang-up',
  ...overrides,
});

function setup(settings: Partial<Settings> = {}, shared?: { held: ReturnType<typeof memorySlot<HeldNudge>> }) {
  const held = shared?.held ?? memorySlot<HeldNudge>();
  const lastNudgeAt = memorySlot<number>();
  const shortCalls = memorySlot<Record<string, ShortCall>>();
  const delivered: NudgeRequest[] = [];
  const state = { now: NOW, snoozedUntil: undefined as number | undefined, deliverWorks: true };
  const flow = createNudgeFlow({
    db,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, cooldownMinutes: 0, ...settings }),
    heldNudge: held,
    shortCalls,
    lastNudgeAt,
    readSnooze: async () => state.snoozedUntil,
    deliver: vi.fn(async (request: NudgeRequest) => {
      if (state.deliverWorks) delivered.push(request);
      return state.deliverWorks;
    }),
    now: () => state.now,
  });
  return { flow, held, shortCalls, lastNudgeAt, delivered, state };
}

describe('nudge flow', () => {
  it('delivers a nudge for an ordinary call, in its own tab, and starts the cooldown', async () => {
    const { flow, delivered, lastNudgeAt } = setup();
    await flow.afterCallsEnded([call('a', 1)], 0);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ call: { callKey: 'hubspot:a' }, tabIds: [1], escalation: undefined });
    expect(lastNudgeAt.value).toBe(NOW);
  });

  it('delivers nothing for a short call', async () => {
    const { flow, delivered, held } = setup();
    await flow.afterCallsEnded([call('a', 1, { durationMs: 1000 })], 0);
    await flow.afterCallsEnded([call('b', 1, { durationMs: 1000 })], 1);
    expect(delivered).toEqual([]);
    expect(held.value).toBeUndefined();
  });

  it('holds the nudge while another call is live, and shows it where the last call ended', async () => {
    const { flow, delivered, held } = setup();
    await flow.afterCallsEnded([call('a', 1)], 1);
    expect(delivered).toEqual([]);
    expect(held.value?.call.callKey).toBe('hubspot:a');

    // Tab 2's call ends as no answer: no nudge of its own, so tab 1's is released, in tab 2 first.
    await flow.afterCallsEnded([call('b', 2, { outcome: 'no-answer' })], 0);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ call: { callKey: 'hubspot:a' }, tabIds: [2, 1] });
    expect(held.value).toBeUndefined();
  });

  it('keeps holding while calls are still live', async () => {
    const { flow, delivered, held } = setup();
    await flow.afterCallsEnded([call('a', 1)], 2);
    await flow.afterCallsEnded([call('b', 2, { durationMs: 1000 })], 1);
    expect(delivered).toEqual([]);
    expect(held.value?.call.callKey).toBe('hubspot:a');
  });

  it('lets a newer call that deserves a nudge replace the held one', async () => {
    const { flow, delivered, held } = setup();
    await flow.afterCallsEnded([call('a', 1)], 1);
    await flow.afterCallsEnded([call('b', 2)], 0);
    expect(delivered.map((request) => request.call.callKey)).toEqual(['hubspot:b']);
    expect(held.value).toBeUndefined();
  });

  it('keeps a held nudge through a worker restart', async () => {
    const first = setup();
    await first.flow.afterCallsEnded([call('a', 1)], 1);
    const restarted = setup({}, { held: first.held });
    await restarted.flow.releaseIfIdle(1);
    expect(restarted.delivered).toEqual([]);
    await restarted.flow.releaseIfIdle(0);
    expect(restarted.delivered.map((request) => request.call.callKey)).toEqual(['hubspot:a']);
    expect(restarted.delivered[0]?.tabIds).toEqual([1]);
  });

  it('asks the quiet rules again on release: a snooze set meanwhile drops the held nudge', async () => {
    const { flow, delivered, held, state } = setup();
    await flow.afterCallsEnded([call('a', 1)], 1);
    state.snoozedUntil = NOW + 60_000;
    await flow.afterCallsEnded([call('b', 2, { durationMs: 1000 })], 0);
    expect(delivered).toEqual([]);
    expect(held.value).toBeUndefined();
  });

  it('drops a held nudge that went stale', async () => {
    const { flow, delivered, state } = setup();
    await flow.afterCallsEnded([call('a', 1)], 1);
    state.now = NOW + HELD_NUDGE_MAX_AGE_MS + 1;
    await flow.afterCallsEnded([call('b', 2, { durationMs: 1000, endedAt: state.now })], 0);
    expect(delivered).toEqual([]);
  });

  it('keeps the cooldown between nudges, and does not start it when nothing reached the rep', async () => {
    const { flow, delivered, state } = setup({ cooldownMinutes: 2 });
    state.deliverWorks = false;
    await flow.afterCallsEnded([call('a', 1)], 0);
    state.deliverWorks = true;
    await flow.afterCallsEnded([call('b', 1)], 0);
    state.now = NOW + 60_000;
    await flow.afterCallsEnded([call('c', 1, { endedAt: state.now })], 0);
    state.now = NOW + 120_000;
    await flow.afterCallsEnded([call('d', 1, { endedAt: state.now })], 0);
    expect(delivered.map((request) => request.call.callKey)).toEqual(['hubspot:b', 'hubspot:d']);
  });

  it('escalates after three calls rated tough in a row today, with the support contact', async () => {
    const { flow, delivered } = setup({ supportContact: 'Maria (team lead)' });
    for (const id of ['t1', 't2', 't3']) {
      await recordEndedCall(db, call(id, 1, { endedAt: NOW - 60_000 }));
      await rateCall(db, `hubspot:${id}`, 'tough', NOW);
    }
    await flow.afterCallsEnded([call('next', 1)], 0);
    expect(delivered[0]?.escalation).toEqual({ streak: 3, contact: { label: 'Maria (team lead)' } });
  });

  it('runs one end at a time: a hold written by one end is seen by the next', async () => {
    const { flow, delivered } = setup();
    await Promise.all([
      flow.afterCallsEnded([call('a', 1)], 1),
      flow.afterCallsEnded([call('b', 2, { outcome: 'busy' })], 0),
    ]);
    expect(delivered.map((request) => request.call.callKey)).toEqual(['hubspot:a']);
  });
});

describe('decided while the calls are written (issue 15)', () => {
  function writeInFlight() {
    let settle: (written: boolean) => void = () => undefined;
    const written = new Promise<boolean>((resolve) => {
      settle = resolve;
    });
    return { written, settle };
  }
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('reads the policy’s inputs before the write is done, and shows the nudge only after it', async () => {
    const { flow, delivered, lastNudgeAt } = setup();
    const reads = vi.spyOn(lastNudgeAt, 'read');
    const write = writeInFlight();
    const run = flow.afterCallsEnded([call('a', 1)], 0, write.written);
    await settled();
    expect(reads).toHaveBeenCalledOnce();
    expect(delivered).toEqual([]);
    write.settle(true);
    await run;
    expect(delivered.map((request) => request.call.callKey)).toEqual(['hubspot:a']);
  });

  it('holds nothing and shows nothing when the calls did not reach the database', async () => {
    const { flow, delivered, held, shortCalls } = setup();
    const write = writeInFlight();
    const live = flow.afterCallsEnded([call('a', 1)], 1, write.written);
    const short = flow.afterCallsEnded([call('b', 1, { durationMs: 1000 })], 0, Promise.resolve(false));
    write.settle(false);
    await Promise.all([live, short]);
    expect(delivered).toEqual([]);
    expect(held.value).toBeUndefined();
    expect(shortCalls.value).toBeUndefined();
  });
});
