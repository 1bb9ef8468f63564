/**
 * Issue 13 §4: a call's figures can come after its end (the WebRTC connection closes a moment
 * after the dialer said the call ended). A short call they show to have sounded rough is nudged
 * then, once; never twice, never after the rep answered or moved on to the next call.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNudgeFlow, type HeldNudge, type NudgeRequest, type ShortCall } from '../../../src/background/nudge-flow';
import {
  awaitsLateFigures,
  decideLateNudge,
  decideNudge,
  LATE_FIGURES_WINDOW_MS,
  type LateFigures,
  type NudgeContext,
  type NudgeDecision,
} from '../../../src/background/nudge-policy';
import type { EndedCall } from '../../../src/calls/call';
import { rateCall, recordEndedCall } from '../../../src/db/calls';
import { recordReset } from '../../../src/db/resets';
import { openReboundDb, type ReboundDb } from '../../../src/db/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import type { CallTalk, ConversationFigures } from '../../../src/talk/conversation-figures';
import { memorySlot } from '../fakes/memory-slot';

const NOW = new Date(2026, 10, 25, 10, 30).getTime();
const ENDED_AT = NOW - 2_000;

const talk = (figures: Partial<ConversationFigures> = {}): CallTalk => ({
  figures: {
    heardS: 12,
    repTalkS: 6,
    otherTalkS: 6,
    overtalkS: 0,
    longestOtherS: 4,
    longestRepS: 4,
    silenceS: 2,
    loudMoments: 0,
    ...figures,
  },
  timeline: [],
});
/** Twelve seconds heard, ten of them talked over. */
const ROUGH = talk({ repTalkS: 11, otherTalkS: 11, overtalkS: 10 });
const CALM = talk();

const call = (id: string, overrides: Partial<EndedCall> = {}): EndedCall => ({
  callKey: `hubspot:${id}`,
  tabId: 4,
  host: 'crm.example',
  source: 'hubspot',
  startedAt: ENDED_AT - 12_000,
  endedAt: ENDED_AT,
  durationMs: 12_000,
  outcome: 'completed',
  endReason: 'hang-up',
  ...overrides,
});

const context = (overrides: Partial<NudgeContext> = {}): NudgeContext => ({
  now: NOW,
  liveCalls: 0,
  toughStreak: 0,
  ...overrides,
});
const SHORT: NudgeDecision = { kind: 'none', reason: 'too-short' };
const late = (overrides: Partial<LateFigures> = {}): LateFigures => ({
  atEnd: SHORT,
  answered: false,
  nextCallStarted: false,
  ...overrides,
});

describe('decideLateNudge', () => {
  it.each<[string, Partial<EndedCall>, Partial<NudgeContext>, Partial<LateFigures>, NudgeDecision]>([
    [
      'a short call the figures show was talked over: nudged, saying why',
      { talk: ROUGH },
      {},
      {},
      { kind: 'nudge', escalate: false, rough: { kind: 'talked-over', seconds: 10 } },
    ],
    ['a short call that sounded calm: still too short', { talk: CALM }, {}, {}, { kind: 'none', reason: 'too-short' }],
    [
      'figures at the very end of the window',
      { talk: ROUGH, endedAt: NOW - LATE_FIGURES_WINDOW_MS },
      {},
      {},
      { kind: 'nudge', escalate: false, rough: { kind: 'talked-over', seconds: 10 } },
    ],
    [
      'figures after the window',
      { talk: ROUGH, endedAt: NOW - LATE_FIGURES_WINDOW_MS - 1 },
      {},
      {},
      { kind: 'none', reason: 'figures-too-late' },
    ],
    [
      'a call nudged at its end is not asked about twice',
      { talk: ROUGH },
      {},
      { atEnd: { kind: 'nudge', escalate: false } },
      { kind: 'none', reason: 'already-decided' },
    ],
    [
      'a call held at its end is not asked about twice',
      { talk: ROUGH },
      {},
      { atEnd: { kind: 'hold' } },
      { kind: 'none', reason: 'already-decided' },
    ],
    [
      'a call skipped for the cooldown stays skipped',
      { talk: ROUGH },
      {},
      { atEnd: { kind: 'none', reason: 'cooldown' } },
      { kind: 'none', reason: 'already-decided' },
    ],
    ['the rep already answered', { talk: ROUGH }, {}, { answered: true }, { kind: 'none', reason: 'answered' }],
    [
      'the next call already came and went',
      { talk: ROUGH },
      {},
      { nextCallStarted: true },
      { kind: 'none', reason: 'next-call' },
    ],
    [
      'the next call is live: dropped, not held',
      { talk: ROUGH },
      { liveCalls: 1 },
      {},
      { kind: 'none', reason: 'next-call' },
    ],
    [
      'the rep’s quiet rules still hold: snoozed',
      { talk: ROUGH },
      { snoozedUntil: NOW + 60_000 },
      {},
      { kind: 'none', reason: 'snoozed' },
    ],
    ['and the cooldown', { talk: ROUGH }, { lastNudgeAt: NOW - 60_000 }, {}, { kind: 'none', reason: 'cooldown' }],
  ])('%s', (_label, callFields, contextFields, lateFields, expected) => {
    const decision = decideLateNudge(call('a', callFields), DEFAULT_SETTINGS, context(contextFields), late(lateFields));
    expect(decision).toEqual(expected);
  });
});

describe('awaitsLateFigures', () => {
  it.each<[string, Partial<EndedCall>, NudgeDecision, boolean]>([
    ['a short call without figures waits for them', {}, SHORT, true],
    ['a short call that brought its figures does not', { talk: CALM }, SHORT, false],
    ['a nudged call does not', {}, { kind: 'nudge', escalate: false }, false],
    ['a held call does not', {}, { kind: 'hold' }, false],
    ['a skipped outcome does not', { outcome: 'no-answer' }, { kind: 'none', reason: 'skipped-outcome' }, false],
  ])('%s', (_label, fields, atEnd, expected) => {
    expect(awaitsLateFigures(call('a', fields), atEnd)).toBe(expected);
  });

  it('agrees with the policy at the end of a short call', () => {
    const short = call('a');
    expect(awaitsLateFigures(short, decideNudge(short, DEFAULT_SETTINGS, context()))).toBe(true);
  });
});

let db: ReboundDb;
let dbCount = 0;
beforeEach(() => {
  db = openReboundDb(`late-figures-${dbCount++}`);
});
afterEach(() => db.delete());

function setup(settings: Partial<Settings> = {}) {
  const held = memorySlot<HeldNudge>();
  const shortCalls = memorySlot<Record<string, ShortCall>>();
  const delivered: NudgeRequest[] = [];
  const clock = { now: ENDED_AT };
  const flow = createNudgeFlow({
    db,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, cooldownMinutes: 0, ...settings }),
    heldNudge: held,
    shortCalls,
    lastNudgeAt: memorySlot<number>(),
    readSnooze: async () => undefined,
    deliver: vi.fn(async (request: NudgeRequest) => {
      delivered.push(request);
      return true;
    }),
    now: () => clock.now,
  });
  /** The call ends (written first, as the message handler does), then its figures come at NOW. */
  const endShort = async (ended: EndedCall, liveCalls = 0) => {
    await recordEndedCall(db, ended);
    await flow.afterCallsEnded([ended], liveCalls);
    clock.now = NOW;
  };
  return { flow, held, shortCalls, delivered, clock, endShort };
}

describe('the nudge flow with late figures', () => {
  it('nudges a short call once when its late figures say it sounded rough, with the figures on it', async () => {
    const { flow, delivered, shortCalls, endShort } = setup();
    await endShort(call('a'));
    expect(delivered).toEqual([]);
    expect(Object.keys(shortCalls.value ?? {})).toEqual(['hubspot:a']);

    await flow.afterLateTalk([{ callKey: 'hubspot:a', talk: ROUGH }], 0);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ call: { callKey: 'hubspot:a', talk: ROUGH }, tabIds: [4] });

    // The same figures again (a second connection, a repeated end): never a second nudge.
    await flow.afterLateTalk([{ callKey: 'hubspot:a', talk: ROUGH }], 0);
    expect(delivered).toHaveLength(1);
    expect(shortCalls.value).toEqual({});
  });

  it('does not nudge when the late figures sound calm, nor when rough ones follow', async () => {
    const { flow, delivered, endShort } = setup();
    await endShort(call('a'));
    await flow.afterLateTalk([{ callKey: 'hubspot:a', talk: CALM }], 0);
    await flow.afterLateTalk([{ callKey: 'hubspot:a', talk: ROUGH }], 0);
    expect(delivered).toEqual([]);
  });

  it('never asks again about a call nudged at its end', async () => {
    const { flow, delivered, endShort } = setup();
    await endShort(call('a', { durationMs: 60_000 }));
    expect(delivered).toHaveLength(1);
    await flow.afterLateTalk([{ callKey: 'hubspot:a', talk: ROUGH }], 0);
    expect(delivered).toHaveLength(1);
  });

  it('not once the rep rated the call', async () => {
    const { flow, delivered, endShort } = setup();
    await endShort(call('a'));
    await rateCall(db, 'hubspot:a', 'fine', NOW - 500);
    await flow.afterLateTalk([{ callKey: 'hubspot:a', talk: ROUGH }], 0);
    expect(delivered).toEqual([]);
  });

  it('not once the rep ran a reset for it', async () => {
    const { flow, delivered, endShort } = setup();
    await endShort(call('a'));
    const id = (await db.calls.toArray())[0]?.id;
    await recordReset(db, { kind: 'quick', callId: id, startedAt: NOW - 1500, completedAt: NOW - 500, steps: [] });
    await flow.afterLateTalk([{ callKey: 'hubspot:a', talk: ROUGH }], 0);
    expect(delivered).toEqual([]);
  });

  it('not once the next call ended, or while it is live', async () => {
    const { flow, delivered, endShort } = setup();
    await endShort(call('a'));
    await flow.afterCallsEnded([call('b', { durationMs: 1000, endedAt: NOW - 500 })], 0);
    await flow.afterLateTalk([{ callKey: 'hubspot:a', talk: ROUGH }], 0);
    expect(delivered).toEqual([]);

    await endShort(call('c'));
    await flow.afterLateTalk([{ callKey: 'hubspot:c', talk: ROUGH }], 1);
    expect(delivered).toEqual([]);
  });

  it('not when the figures come after the window', async () => {
    const { flow, delivered, clock, endShort } = setup();
    await endShort(call('a'));
    clock.now = ENDED_AT + LATE_FIGURES_WINDOW_MS + 1;
    await flow.afterLateTalk([{ callKey: 'hubspot:a', talk: ROUGH }], 0);
    expect(delivered).toEqual([]);
  });

  it('gives a held nudge the figures, so it says why when released', async () => {
    const { flow, held, delivered, endShort } = setup();
    await endShort(call('a', { durationMs: 60_000 }), 1);
    expect(held.value?.call.talk).toBeUndefined();
    await flow.afterLateTalk([{ callKey: 'hubspot:a', talk: ROUGH }], 1);
    expect(delivered).toEqual([]);
    expect(held.value?.call.talk).toEqual(ROUGH);
  });
});
