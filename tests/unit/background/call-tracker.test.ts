import { describe, expect, it } from 'vitest';
import {
  COMPLETION_AFTER_END_MS,
  emptyTrackerState,
  MAX_LIVE_CALLS_PER_TAB,
  MERGE_WINDOW_MS,
  type TrackerEvent,
  type TrackerStep,
  track,
} from '../../../src/background/call-tracker';
import type { TrackerState } from '../../../src/calls/call';
import type { CallSignal } from '../../../src/messages/call-signal';

const HOST = 'crm.example';

function signal(tabId: number, fields: Omit<CallSignal, 'at'>, at: number): TrackerEvent {
  return { kind: 'signal', tabId, host: HOST, signal: { ...fields, at } };
}

/** Runs events in order; returns every call that ended and the final state. */
function run(events: TrackerEvent[], from: TrackerState = emptyTrackerState()) {
  let state = from;
  const ended: TrackerStep['ended'] = [];
  for (const event of events) {
    const step = track(state, event);
    state = step.state;
    ended.push(...step.ended);
  }
  return { state, ended };
}

const hubspot = (kind: CallSignal['kind'], extra: Partial<CallSignal> = {}) =>
  ({ kind, source: 'hubspot', callId: 'h1', ...extra }) as const;
const webrtc = (kind: 'started' | 'ended', id = 'abc-1') => ({ kind, source: 'webrtc', callId: id }) as const;

describe('call tracker', () => {
  it('times an answered call from its answer', () => {
    const { ended, state } = run([
      signal(1, hubspot('started', { direction: 'outbound' }), 0),
      signal(1, hubspot('answered'), 2000),
      signal(1, hubspot('ended', { outcome: 'completed' }), 12_000),
      signal(1, hubspot('ended'), 12_300),
    ]);
    expect(ended).toEqual([
      expect.objectContaining({
        callKey: 'hubspot:h1',
        durationMs: 10_000,
        outcome: 'completed',
        endReason: 'hang-up',
      }),
    ]);
    expect(state.live).toEqual({});
  });

  it('ends the live calls of a closed tab, and of a tab that left the dialer host only', () => {
    const live = [signal(1, hubspot('started'), 0), signal(2, { ...hubspot('started'), callId: 'h2' }, 0)];
    const closed = run([...live, { kind: 'tab-closed', tabId: 1, at: 5000 }]);
    expect(closed.ended.map((call) => [call.callKey, call.endReason])).toEqual([['hubspot:h1', 'tab-closed']]);
    const reloaded = run([...live, { kind: 'tab-navigated', tabId: 2, host: HOST, at: 5000 }]);
    expect(reloaded.ended).toEqual([]);
    const away = run([...live, { kind: 'tab-navigated', tabId: 2, host: 'news.example', at: 5000 }]);
    expect(away.ended.map((call) => [call.callKey, call.endReason, call.durationMs])).toEqual([
      ['hubspot:h2', 'navigated', 5000],
    ]);
  });

  it('holds at most a few live calls per tab, however many starts a page makes up', () => {
    const starts = Array.from({ length: 50 }, (_, i) =>
      signal(1, { kind: 'started', source: 'aircall', callId: `x${i}` }, i),
    );
    const { state } = run([...starts, signal(2, hubspot('started'), 100)]);
    const live = Object.values(state.live);
    expect(live.filter((call) => call.tabId === 1)).toHaveLength(MAX_LIVE_CALLS_PER_TAB);
    expect(live.filter((call) => call.tabId === 2)).toHaveLength(1);
  });

  it('keeps calls in different tabs apart', () => {
    const { ended } = run([
      signal(1, webrtc('started', 'a-1'), 0),
      signal(2, webrtc('started', 'b-1'), 100),
      signal(2, webrtc('ended', 'b-1'), 3000),
      signal(1, webrtc('ended', 'a-1'), 9000),
    ]);
    expect(ended.map((call) => [call.tabId, call.source, call.durationMs])).toEqual([
      [2, 'webrtc', 2900],
      [1, 'webrtc', 9000],
    ]);
  });

  describe('merging the WebRTC hook with a dialer', () => {
    it('makes one call when the hook connects during a dialer call; the dialer end wins, the hook end is dropped', () => {
      const { ended } = run([
        signal(1, hubspot('started', { direction: 'outbound' }), 0),
        signal(1, webrtc('started'), 1500),
        signal(1, hubspot('answered'), 1600),
        signal(1, hubspot('ended', { outcome: 'completed' }), 20_000),
        signal(1, webrtc('ended'), 20_100),
      ]);
      expect(ended).toEqual([
        expect.objectContaining({ source: 'hubspot', durationMs: 18_400, outcome: 'completed', direction: 'outbound' }),
      ]);
    });

    it('ends a ringing-only dialer call (Dialpad) when the hook hears its audio end', () => {
      const dialpad = (kind: 'started') => ({ kind, source: 'dialpad', callId: '77', direction: 'inbound' }) as const;
      const { ended, state } = run([
        signal(1, dialpad('started'), 0),
        signal(1, webrtc('started'), 4000),
        signal(1, webrtc('ended'), 34_000),
      ]);
      expect(ended).toEqual([
        expect.objectContaining({
          callKey: 'dialpad:77',
          source: 'dialpad',
          durationMs: 30_000,
          outcome: 'completed',
          endReason: 'hang-up',
        }),
      ]);
      expect(state.live).toEqual({});
    });

    it("lets heard audio outrank a dialer's no-answer guess, and a missed ringing-only call end as no-answer", () => {
      const dialpad = (kind: 'started' | 'ended', extra: Partial<CallSignal> = {}) =>
        ({ kind, source: 'dialpad', callId: '77', ...extra }) as const;
      const answered = run([
        signal(1, dialpad('started'), 0),
        signal(1, webrtc('started'), 3500),
        signal(1, dialpad('ended', { outcome: 'no-answer' }), 3000),
        signal(1, webrtc('ended'), 20_000),
      ]);
      expect(answered.ended).toEqual([
        expect.objectContaining({ source: 'dialpad', outcome: 'completed', durationMs: 16_500 }),
      ]);
      const missed = run([
        signal(1, dialpad('started'), 0),
        signal(1, dialpad('ended', { outcome: 'no-answer' }), 9000),
      ]);
      expect(missed.ended).toEqual([
        expect.objectContaining({ source: 'dialpad', outcome: 'no-answer', durationMs: 9000 }),
      ]);
      expect(missed.state.live).toEqual({});
    });

    it('folds a hook call into a dialer call that starts within the window', () => {
      const { ended } = run([
        signal(1, webrtc('started'), 0),
        signal(1, hubspot('started', { direction: 'inbound' }), MERGE_WINDOW_MS - 100),
        signal(1, webrtc('ended'), 10_000),
        signal(1, hubspot('ended', { outcome: 'completed' }), 10_050),
      ]);
      expect(ended).toEqual([
        expect.objectContaining({ source: 'hubspot', callKey: 'hubspot:h1', durationMs: 10_000, direction: 'inbound' }),
      ]);
    });

    it('keeps a hook call that started long before the dialer call apart, and another tab always apart', () => {
      const late = run([
        signal(1, webrtc('started'), 0),
        signal(1, hubspot('started'), MERGE_WINDOW_MS + 1000),
        signal(1, hubspot('ended'), 20_000),
        signal(1, webrtc('ended'), 30_000),
      ]);
      expect(late.ended.map((call) => call.source)).toEqual(['hubspot', 'webrtc']);
      const otherTab = run([
        signal(1, hubspot('started'), 0),
        signal(2, webrtc('started'), 500),
        signal(1, hubspot('ended'), 5000),
        signal(2, webrtc('ended'), 6000),
      ]);
      expect(otherTab.ended.map((call) => [call.tabId, call.source])).toEqual([
        [1, 'hubspot'],
        [2, 'webrtc'],
      ]);
    });

    it('makes a conference of several connections in one tab one call, ended by the last', () => {
      const { ended } = run([
        signal(1, webrtc('started', 'p-1'), 0),
        signal(1, webrtc('started', 'p-2'), 3000),
        signal(1, webrtc('ended', 'p-1'), 8000),
        signal(1, webrtc('ended', 'p-2'), 12_000),
      ]);
      expect(ended).toEqual([expect.objectContaining({ callKey: 'webrtc:p-1', durationMs: 12_000 })]);
    });

    it('drops a hook end it never saw start, and reads state saved before merging existed', () => {
      expect(run([signal(1, webrtc('ended'), 0)]).ended).toEqual([]);
      const saved = { live: {}, ended: {} } as TrackerState;
      expect(run([signal(1, webrtc('started'), 0), signal(1, webrtc('ended'), 5000)], saved).ended).toHaveLength(1);
    });
  });
});

describe('an id-less "call completed" after an ended call', () => {
  const zoom = (kind: CallSignal['kind'], extra: Partial<CallSignal> = {}) =>
    ({ kind, source: 'zoom-phone', ...extra }) as const;
  const zoomCall = (tabId: number, from: number) => [
    signal(tabId, zoom('started', { callId: 'z1', direction: 'inbound' }), from),
    signal(tabId, zoom('answered', { callId: 'z1' }), from + 1000),
    signal(tabId, zoom('ended', { callId: 'z1', outcome: 'completed' }), from + 30_000),
  ];

  it('belongs to that call: no second call with an unknown outcome', () => {
    const { ended } = run([...zoomCall(1, 0), signal(1, zoom('ended', { durationMs: 29_000 }), 33_000)]);
    expect(ended).toEqual([
      expect.objectContaining({ callKey: 'zoom-phone:z1', outcome: 'completed', direction: 'inbound' }),
    ]);
  });

  it('belongs to it up to a minute after the end, and no later', () => {
    const late = run([...zoomCall(1, 0), signal(1, zoom('ended'), 30_000 + COMPLETION_AFTER_END_MS)]);
    expect(late.ended).toHaveLength(1);
    const later = run([...zoomCall(1, 0), signal(1, zoom('ended'), 30_001 + COMPLETION_AFTER_END_MS)]);
    expect(later.ended).toHaveLength(2);
    expect(later.ended[1]).toMatchObject({ outcome: 'unknown' });
    expect(later.ended[1]).not.toHaveProperty('startedAt');
  });

  it('from another tab or another dialer is a call of its own', () => {
    const otherTab = run([...zoomCall(1, 0), signal(2, zoom('ended'), 31_000)]);
    expect(otherTab.ended.map((call) => call.tabId)).toEqual([1, 2]);
    const otherSource = run([...zoomCall(1, 0), signal(1, { kind: 'ended', source: 'justcall' }, 31_000)]);
    expect(otherSource.ended.map((call) => call.source)).toEqual(['zoom-phone', 'justcall']);
  });

  it('with no call before it at all still records a call, as before', () => {
    const { ended } = run([signal(1, zoom('ended', { durationMs: 12_000 }), 5000)]);
    expect(ended).toEqual([expect.objectContaining({ source: 'zoom-phone', durationMs: 12_000, outcome: 'unknown' })]);
  });

  it('reads state saved before this memory existed', () => {
    const old: TrackerState = { live: {}, ended: {} };
    expect(run([signal(1, zoom('ended'), 5000)], old).ended).toHaveLength(1);
  });
});
