/** The figures the WebRTC hook's connections bring reach the call they belong to, once. */
import { describe, expect, it } from 'vitest';
import { emptyTrackerState, type TrackerEvent, track } from '../../../src/background/call-tracker';
import { LiveCalls } from '../../../src/background/live-calls';
import type { EndedCall } from '../../../src/calls/call';
import type { LiveCallsState } from '../../../src/calls/live-calls-state';
import type { CallSignal } from '../../../src/messages/call-signal';
import type { CallTalk } from '../../../src/talk/conversation-figures';
import { memorySlot } from '../fakes/memory-slot';

const T0 = 1_700_000_000_000;
const figures = (heardS: number): CallTalk => ({
  figures: {
    heardS,
    repTalkS: 1,
    otherTalkS: 1,
    overtalkS: 0,
    longestOtherS: 1,
    longestRepS: 1,
    silenceS: 0,
    loudMoments: 0,
  },
  timeline: [[1, heardS]],
});
const signal = (fields: Omit<CallSignal, 'at'> & { at?: number }): TrackerEvent => ({
  kind: 'signal',
  tabId: 1,
  host: 'dialer.example',
  signal: { at: T0, ...fields },
});

function ended(events: TrackerEvent[]): EndedCall[] {
  let state = emptyTrackerState();
  const all: EndedCall[] = [];
  for (const event of events) {
    const step = track(state, event);
    state = step.state;
    all.push(...step.ended);
  }
  return all;
}

describe('conversation figures on calls', () => {
  it('a WebRTC call of its own takes the figures its end brings', () => {
    const [call] = ended([
      signal({ kind: 'started', source: 'webrtc', callId: 'a-1' }),
      signal({ kind: 'ended', source: 'webrtc', callId: 'a-1', at: T0 + 9000, talk: figures(9) }),
    ]);
    expect(call?.talk).toEqual(figures(9));
  });

  it('a dialer call keeps the figures of the first connection that ended with some', () => {
    const [call] = ended([
      signal({ kind: 'started', source: 'hubspot', callId: 'h1' }),
      signal({ kind: 'started', source: 'webrtc', callId: 'a-1', at: T0 + 500 }),
      signal({ kind: 'started', source: 'webrtc', callId: 'a-2', at: T0 + 600 }),
      signal({ kind: 'ended', source: 'webrtc', callId: 'a-2', at: T0 + 8000, talk: figures(7) }),
      signal({ kind: 'ended', source: 'webrtc', callId: 'a-1', at: T0 + 8100, talk: figures(8) }),
      signal({ kind: 'ended', source: 'hubspot', callId: 'h1', at: T0 + 9000 }),
    ]);
    expect(call).toMatchObject({ source: 'hubspot', talk: figures(7) });
  });

  it('on an open line, a dialer’s own end wins over a conversation’s quiet spell', () => {
    const calls = ended([
      signal({ kind: 'started', source: 'hubspot', callId: 'h1' }),
      signal({ kind: 'started', source: 'webrtc', callId: 'a-1.1', at: T0 + 3000, openLine: true }),
      signal({ kind: 'ended', source: 'webrtc', callId: 'a-1.1', at: T0 + 6000, openLine: true, talk: figures(3) }),
    ]);
    expect(calls).toEqual([]);
    const [call] = ended([
      signal({ kind: 'started', source: 'hubspot', callId: 'h1' }),
      signal({ kind: 'started', source: 'webrtc', callId: 'a-1.1', at: T0 + 3000, openLine: true }),
      signal({ kind: 'ended', source: 'webrtc', callId: 'a-1.1', at: T0 + 6000, openLine: true, talk: figures(3) }),
      signal({ kind: 'ended', source: 'hubspot', callId: 'h1', at: T0 + 30_000 }),
    ]);
    expect(call).toMatchObject({ source: 'hubspot', endedAt: T0 + 30_000, talk: figures(3) });
  });

  it('figures that come after the dialer ended its call go onto that call, waiting or written, and are reported', async () => {
    const dialerEndsFirst = [
      signal({ kind: 'started', source: 'hubspot', callId: 'h1' }),
      signal({ kind: 'started', source: 'webrtc', callId: 'a-1', at: T0 + 500 }),
      signal({ kind: 'ended', source: 'hubspot', callId: 'h1', at: T0 + 9000 }),
    ];
    const late = signal({ kind: 'ended', source: 'webrtc', callId: 'a-1', at: T0 + 9200, talk: figures(8) });

    const waiting = new LiveCalls(memorySlot<LiveCallsState>());
    for (const event of dialerEndsFirst) await waiting.apply(event);
    // Reported even while the call waits: a flush may already have taken it without them.
    expect((await waiting.apply(late)).lateTalk).toEqual([{ callKey: 'hubspot:h1', talk: figures(8) }]);
    expect(await waiting.unwritten()).toMatchObject([{ callKey: 'hubspot:h1', talk: figures(8) }]);

    const written = new LiveCalls(memorySlot<LiveCallsState>());
    for (const event of dialerEndsFirst) await written.apply(event);
    await written.markWritten(['hubspot:h1']);
    expect((await written.apply(late)).lateTalk).toEqual([{ callKey: 'hubspot:h1', talk: figures(8) }]);
  });

  it('a call whose audio Rebound never saw has no figures', () => {
    const [call] = ended([
      signal({ kind: 'started', source: 'hubspot', callId: 'h1' }),
      signal({ kind: 'ended', source: 'hubspot', callId: 'h1', at: T0 + 9000 }),
    ]);
    expect(call).not.toHaveProperty('talk');
  });
});
