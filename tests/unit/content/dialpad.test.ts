import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dialpadAdapter, RING_OFF_GRACE_MS } from '../../../src/content/adapters/dialpad';
import { replay } from './adapter-harness';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const ringing = (state: string, id: unknown = 77) => ({
  api: 'opencti_dialpad',
  version: '1.0',
  method: 'call_ringing',
  payload: { state, id },
});

describe('Dialpad CTI adapter', () => {
  it('starts an inbound call when ringing begins and leaves an answered end to the WebRTC hook', () => {
    const signals = replay(dialpadAdapter, [
      { at: 0, data: ringing('on') },
      { at: 3000, data: ringing('off') },
    ]);
    expect(signals).toEqual([{ kind: 'started', source: 'dialpad', callId: '77', at: 0, direction: 'inbound' }]);
  });

  it('ends a call as no-answer a while after its ringing stops, dated when it stopped', () => {
    const signals = replay(
      dialpadAdapter,
      [
        { at: 0, data: ringing('on') },
        { at: 3000, data: ringing('off') },
      ],
      {
        keepRunning: true,
      },
    );
    vi.advanceTimersByTime(RING_OFF_GRACE_MS - 1);
    expect(signals).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(signals.at(-1)).toEqual({ kind: 'ended', source: 'dialpad', callId: '77', at: 3000, outcome: 'no-answer' });
  });

  it('keeps at most a few ring-off checks pending under a flood', () => {
    const flood = Array.from({ length: 1000 }, (_, i) => ({ at: i, data: ringing('off', `id-${i}`) }));
    const signals = replay(dialpadAdapter, flood, { keepRunning: true });
    vi.advanceTimersByTime(RING_OFF_GRACE_MS);
    expect(signals.length).toBeLessThanOrEqual(10);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores forged and malformed messages', () => {
    const signals = replay(dialpadAdapter, [
      { at: 0, data: ringing('on'), from: 'page' },
      { at: 0, data: { ...ringing('on'), api: 'opencti_other' } },
      { at: 0, data: ringing('loud') },
      { at: 0, data: { ...ringing('on'), method: 'user_authentication' } },
    ]);
    expect(signals).toEqual([]);
  });
});
