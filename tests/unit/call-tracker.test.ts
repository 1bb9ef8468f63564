import { describe, expect, it } from 'vitest';
import {
  ENDED_MEMORY_MS,
  emptyTrackerState,
  liveCallCount,
  type TrackerEvent,
  track,
} from '../../src/background/call-tracker';
import type { EndedCall, TrackerState } from '../../src/calls/call';
import type { CallSignal } from '../../src/messages/call-signal';

const HOST = 'app.hubspot.com';
const T0 = 1_700_000_000_000;

const signal = (tabId: number, fields: Omit<CallSignal, 'source'> & { source?: string }): TrackerEvent => ({
  kind: 'signal',
  tabId,
  host: HOST,
  signal: { source: 'hubspot', ...fields },
});

/** Runs events in order; returns the final state and every call that started or ended on the way. */
function run(events: TrackerEvent[], from: TrackerState = emptyTrackerState()) {
  let state = from;
  const ended: EndedCall[] = [];
  let started = 0;
  for (const event of events) {
    const step = track(state, event);
    state = step.state;
    ended.push(...step.ended);
    started += step.started.length;
  }
  return { state, ended, started };
}

const outgoing = (tabId: number, callId: string, at = T0): TrackerEvent[] => [
  signal(tabId, { kind: 'started', callId, at, direction: 'outbound' }),
  signal(tabId, { kind: 'answered', callId, at: at + 5_000 }),
];

describe('track', () => {
  it('turns a full outgoing call into one ended call, timed from the answer', () => {
    const { ended, state, started } = run([
      ...outgoing(7, 'abc'),
      signal(7, { kind: 'ended', callId: 'abc', at: T0 + 65_000, outcome: 'completed' }),
      signal(7, { kind: 'ended', callId: 'abc', at: T0 + 66_000 }),
    ]);
    expect(started).toBe(1);
    expect(ended).toEqual([
      {
        callKey: 'hubspot:abc',
        tabId: 7,
        host: HOST,
        source: 'hubspot',
        direction: 'outbound',
        startedAt: T0,
        endedAt: T0 + 65_000,
        durationMs: 60_000,
        outcome: 'completed',
        endReason: 'hang-up',
      },
    ]);
    expect(liveCallCount(state)).toBe(0);
  });

  it('reports the live call when it starts', () => {
    const step = track(emptyTrackerState(), signal(3, { kind: 'started', callId: 'x', at: T0, direction: 'inbound' }));
    expect(step.started).toEqual([
      {
        trackKey: 'hubspot:x',
        callKey: 'hubspot:x',
        tabId: 3,
        host: HOST,
        source: 'hubspot',
        callId: 'x',
        direction: 'inbound',
        startedAt: T0,
        answeredAt: undefined,
      },
    ]);
    expect(step.ended).toEqual([]);
    expect(liveCallCount(step.state)).toBe(1);
  });

  it('counts an unanswered call from its start (ring time)', () => {
    const { ended } = run([
      signal(7, { kind: 'started', callId: 'ring', at: T0 }),
      signal(7, { kind: 'ended', callId: 'ring', at: T0 + 25_000, outcome: 'no-answer' }),
    ]);
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ startedAt: T0, durationMs: 25_000, outcome: 'no-answer' });
  });

  it('keeps the first answer time when the answer is repeated', () => {
    const { ended } = run([
      ...outgoing(7, 'abc'),
      signal(7, { kind: 'answered', callId: 'abc', at: T0 + 30_000 }),
      signal(7, { kind: 'started', callId: 'abc', at: T0 + 31_000 }),
      signal(7, { kind: 'ended', callId: 'abc', at: T0 + 65_000 }),
    ]);
    expect(ended).toHaveLength(1);
    expect(ended[0]?.durationMs).toBe(60_000);
    expect(ended[0]?.startedAt).toBe(T0);
  });

  it('starts a call from an answer seen without its start', () => {
    const { ended, started } = run([
      signal(7, { kind: 'answered', callId: 'mid', at: T0 }),
      signal(7, { kind: 'ended', callId: 'mid', at: T0 + 40_000 }),
    ]);
    expect(started).toBe(1);
    expect(ended[0]).toMatchObject({ startedAt: T0, durationMs: 40_000, outcome: 'unknown' });
  });

  it('gives a second end of the same call (CALL_ENDED repeated, CALL_COMPLETED late) no second call', () => {
    const { ended } = run([
      ...outgoing(7, 'abc'),
      signal(7, { kind: 'ended', callId: 'abc', at: T0 + 65_000, outcome: 'completed' }),
      signal(7, { kind: 'ended', callId: 'abc', at: T0 + 65_010, outcome: 'completed' }),
      signal(7, { kind: 'ended', callId: 'abc', at: T0 + 9 * 60_000 }),
    ]);
    expect(ended.map((call) => call.callKey)).toEqual(['hubspot:abc']);
  });

  it('ignores a late start or answer for a call id that already ended', () => {
    const { ended, started, state } = run([
      ...outgoing(7, 'abc'),
      signal(7, { kind: 'ended', callId: 'abc', at: T0 + 65_000 }),
      signal(7, { kind: 'started', callId: 'abc', at: T0 + 66_000 }),
      signal(7, { kind: 'answered', callId: 'abc', at: T0 + 67_000 }),
      signal(7, { kind: 'ended', callId: 'abc', at: T0 + 68_000 }),
    ]);
    expect(started).toBe(1);
    expect(ended).toHaveLength(1);
    expect(liveCallCount(state)).toBe(0);
  });

  it('prefers the duration the dialer reported', () => {
    const { ended } = run([
      ...outgoing(7, 'abc'),
      signal(7, { kind: 'ended', callId: 'abc', at: T0 + 65_000, durationMs: 58_250 }),
    ]);
    expect(ended[0]?.durationMs).toBe(58_250);
  });

  it('keeps a reported duration of zero', () => {
    const { ended } = run([
      ...outgoing(7, 'abc'),
      signal(7, { kind: 'ended', callId: 'abc', at: T0 + 65_000, durationMs: 0 }),
    ]);
    expect(ended[0]?.durationMs).toBe(0);
  });

  it('never gives a negative duration when the end is timed before the answer', () => {
    const { ended } = run([...outgoing(7, 'abc'), signal(7, { kind: 'ended', callId: 'abc', at: T0 + 1_000 })]);
    expect(ended[0]?.durationMs).toBe(0);
  });

  describe('an end seen without its start', () => {
    it('gives a call of unknown length', () => {
      const { ended } = run([signal(7, { kind: 'ended', callId: 'lone', at: T0, outcome: 'completed' })]);
      expect(ended).toHaveLength(1);
      const [call] = ended;
      expect(call).toMatchObject({ callKey: 'hubspot:lone', endedAt: T0, outcome: 'completed', endReason: 'hang-up' });
      expect(call?.startedAt).toBeUndefined();
      expect(call?.durationMs).toBeUndefined();
    });

    it('keeps a duration the dialer reported', () => {
      const { ended } = run([signal(7, { kind: 'ended', callId: 'lone', at: T0, durationMs: 42_000 })]);
      expect(ended[0]?.durationMs).toBe(42_000);
      expect(ended[0]?.startedAt).toBeUndefined();
    });

    it('is recorded once per call id', () => {
      const { ended } = run([
        signal(7, { kind: 'ended', callId: 'lone', at: T0 }),
        signal(7, { kind: 'ended', callId: 'lone', at: T0 + 60_000 }),
      ]);
      expect(ended).toHaveLength(1);
    });

    it('without a call id: a repeat within 5 s is the same end, a later one is a new call', () => {
      const { ended } = run([
        signal(7, { kind: 'ended', at: T0 }),
        signal(7, { kind: 'ended', at: T0 + 4_999 }),
        signal(7, { kind: 'ended', at: T0 + 30_000 }),
      ]);
      expect(ended.map((call) => call.callKey)).toEqual([`hubspot:tab7:${T0}`, `hubspot:tab7:${T0 + 30_000}`]);
      expect(ended.every((call) => call.durationMs === undefined && call.startedAt === undefined)).toBe(true);
    });

    it('without a call id: the same end in another tab is another call', () => {
      const { ended } = run([signal(7, { kind: 'ended', at: T0 }), signal(8, { kind: 'ended', at: T0 + 100 })]);
      expect(ended.map((call) => call.tabId)).toEqual([7, 8]);
    });
  });

  it('tracks anonymous calls per tab, with a callKey that tells apart calls in the same tab', () => {
    const { ended } = run([
      signal(7, { kind: 'started', at: T0 }),
      signal(8, { kind: 'started', at: T0 + 1_000 }),
      signal(7, { kind: 'ended', at: T0 + 30_000 }),
      signal(7, { kind: 'started', at: T0 + 60_000 }),
      signal(7, { kind: 'ended', at: T0 + 90_000 }),
      signal(8, { kind: 'ended', at: T0 + 91_000 }),
    ]);
    expect(ended.map((call) => [call.callKey, call.durationMs])).toEqual([
      [`hubspot:tab7:${T0}`, 30_000],
      [`hubspot:tab7:${T0 + 60_000}`, 30_000],
      [`hubspot:tab8:${T0 + 1_000}`, 90_000],
    ]);
  });

  it("tracks two tabs' calls separately", () => {
    const { ended, state } = run([
      ...outgoing(1, 'one'),
      ...outgoing(2, 'two', T0 + 1_000),
      signal(2, { kind: 'ended', callId: 'two', at: T0 + 20_000 }),
    ]);
    expect(ended.map((call) => [call.callKey, call.tabId])).toEqual([['hubspot:two', 2]]);
    expect(Object.values(state.live).map((call) => [call.callKey, call.tabId])).toEqual([['hubspot:one', 1]]);
  });

  it('ends only the closed tab’s calls, with endReason tab-closed', () => {
    const { ended, state } = run([
      ...outgoing(1, 'one'),
      signal(1, { kind: 'started', at: T0 + 2_000 }),
      ...outgoing(2, 'two'),
      { kind: 'tab-closed', tabId: 1, at: T0 + 50_000 },
    ]);
    expect(ended.map((call) => call.callKey).sort()).toEqual([`hubspot:one`, `hubspot:tab1:${T0 + 2_000}`]);
    expect(ended.every((call) => call.endReason === 'tab-closed' && call.outcome === 'unknown')).toBe(true);
    expect(ended.find((call) => call.callKey === 'hubspot:one')?.durationMs).toBe(45_000);
    expect(Object.keys(state.live)).toEqual(['hubspot:two']);
  });

  it('drops the hang-up that follows a closed tab for the same call', () => {
    const { ended } = run([
      ...outgoing(1, 'one'),
      { kind: 'tab-closed', tabId: 1, at: T0 + 50_000 },
      signal(1, { kind: 'ended', callId: 'one', at: T0 + 50_500 }),
    ]);
    expect(ended).toHaveLength(1);
  });

  it('ends a tab’s calls when it navigates to another host, with endReason navigated', () => {
    const { ended, state } = run([
      ...outgoing(1, 'one'),
      { kind: 'tab-navigated', tabId: 1, host: 'news.example', at: T0 + 30_000 },
    ]);
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ callKey: 'hubspot:one', endReason: 'navigated', endedAt: T0 + 30_000 });
    expect(liveCallCount(state)).toBe(0);
  });

  it('keeps a call live when its tab navigates within the same host', () => {
    const { ended, state } = run([
      ...outgoing(1, 'one'),
      { kind: 'tab-navigated', tabId: 1, host: HOST, at: T0 + 30_000 },
      { kind: 'tab-navigated', tabId: 2, host: 'news.example', at: T0 + 31_000 },
    ]);
    expect(ended).toEqual([]);
    expect(Object.keys(state.live)).toEqual(['hubspot:one']);
  });

  describe('ended-key memory', () => {
    const endedAt = T0 + 65_000;
    const afterEnd = (events: TrackerEvent[]) =>
      run([...outgoing(7, 'abc'), signal(7, { kind: 'ended', callId: 'abc', at: endedAt }), ...events]);

    it('remembers an ended key for ENDED_MEMORY_MS', () => {
      const { state } = afterEnd([{ kind: 'tab-closed', tabId: 99, at: endedAt + ENDED_MEMORY_MS }]);
      expect(state.ended).toEqual({ 'hubspot:abc': endedAt });
    });

    it('forgets it afterwards, on any event', () => {
      const { state } = afterEnd([{ kind: 'tab-closed', tabId: 99, at: endedAt + ENDED_MEMORY_MS + 1 }]);
      expect(state.ended).toEqual({});
    });

    it('forgets it on a signal from another tab too', () => {
      const { state } = afterEnd([signal(3, { kind: 'started', callId: 'new', at: endedAt + ENDED_MEMORY_MS + 1 })]);
      expect(state.ended).toEqual({});
      expect(Object.keys(state.live)).toEqual(['hubspot:new']);
    });
  });

  it('does not mutate the state it is given', () => {
    const first = run(outgoing(7, 'abc')).state;
    const frozen = structuredClone(first);
    const step = track(first, signal(7, { kind: 'ended', callId: 'abc', at: T0 + 65_000 }));
    expect(first).toEqual(frozen);
    expect(step.state).not.toBe(first);
    expect(step.state.live).not.toBe(first.live);
    expect(step.state.ended).not.toBe(first.ended);

    const closing = run([signal(7, { kind: 'started', at: T0 })]).state;
    const closingCopy = structuredClone(closing);
    track(closing, { kind: 'tab-closed', tabId: 7, at: T0 + ENDED_MEMORY_MS * 2 });
    expect(closing).toEqual(closingCopy);
  });

  it('works on a deeply frozen state', () => {
    const state = run([...outgoing(7, 'abc'), signal(7, { kind: 'ended', callId: 'old', at: T0 })]).state;
    const freeze = <T extends object>(value: T): T => {
      for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) freeze(inner);
      return Object.freeze(value);
    };
    expect(() => {
      track(freeze(state), signal(7, { kind: 'ended', callId: 'abc', at: T0 + ENDED_MEMORY_MS * 2 }));
    }).not.toThrow();
  });
});
