import { describe, expect, it, vi } from 'vitest';
import type { DialerAdapter, EmitSignal } from '../../src/content/adapters/adapter';
import { startDetector } from '../../src/content/detector';
import type { CallSignal } from '../../src/messages/call-signal';

const frame = { name: 'top' } as unknown as Window;

/** An adapter that hands its emit and stop signal to the test. */
function recordingAdapter(id: string, matches = true) {
  const started: { frame: Window; emit: EmitSignal; stop: AbortSignal; now: () => number }[] = [];
  const adapter: DialerAdapter = {
    id,
    matches: vi.fn(() => matches),
    start: vi.fn((startFrame: Window, emit: EmitSignal, stop: AbortSignal, now: () => number) => {
      started.push({ frame: startFrame, emit, stop, now });
    }),
  };
  const emit = (signal: CallSignal) => {
    const run = started[0];
    if (!run) throw new Error(`adapter ${id} was not started`);
    run.emit(signal);
  };
  return { adapter, started, emit };
}

const signal = (overrides: Partial<CallSignal> = {}): CallSignal => ({
  kind: 'started',
  source: 'hubspot',
  callId: 'call-1',
  at: 10_000,
  ...overrides,
});

/** Lets the detector's send().catch() handlers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startDetector', () => {
  it('sends what the adapters emit', () => {
    const hubspot = recordingAdapter('hubspot');
    const send = vi.fn(async (_: CallSignal) => ({ ok: true }));
    startDetector({ frame, adapters: [hubspot.adapter], send });

    hubspot.emit(signal({ kind: 'started', direction: 'outbound' }));
    hubspot.emit(signal({ kind: 'ended', outcome: 'completed', at: 70_000 }));

    expect(send.mock.calls.map(([sent]) => sent)).toEqual([
      { kind: 'started', source: 'hubspot', callId: 'call-1', at: 10_000, direction: 'outbound' },
      { kind: 'ended', source: 'hubspot', callId: 'call-1', at: 70_000, outcome: 'completed' },
    ]);
  });

  it('starts each matching adapter with the frame, a live stop signal and the clock', () => {
    const hubspot = recordingAdapter('hubspot');
    const now = () => 1234;
    startDetector({ frame, adapters: [hubspot.adapter], send: async () => undefined, now });
    expect(hubspot.adapter.matches).toHaveBeenCalledWith(frame);
    expect(hubspot.started).toHaveLength(1);
    expect(hubspot.started[0]?.frame).toBe(frame);
    expect(hubspot.started[0]?.stop.aborted).toBe(false);
    expect(hubspot.started[0]?.now()).toBe(1234);
  });

  it('does not start adapters whose matches is false', () => {
    const on = recordingAdapter('on', true);
    const off = recordingAdapter('off', false);
    startDetector({ frame, adapters: [off.adapter, on.adapter], send: async () => undefined });
    expect(off.adapter.start).not.toHaveBeenCalled();
    expect(on.adapter.start).toHaveBeenCalledTimes(1);
  });

  it('strips undefined fields before sending', () => {
    const hubspot = recordingAdapter('hubspot');
    const send = vi.fn(async (_: CallSignal) => undefined);
    startDetector({ frame, adapters: [hubspot.adapter], send });
    hubspot.emit({
      kind: 'ended',
      source: 'hubspot',
      callId: undefined,
      at: 5,
      outcome: 'busy',
      direction: undefined,
      durationMs: undefined,
    });
    const sent = send.mock.calls[0]?.[0];
    expect(sent).toEqual({ kind: 'ended', source: 'hubspot', at: 5, outcome: 'busy' });
    expect(Object.keys(sent ?? {}).sort()).toEqual(['at', 'kind', 'outcome', 'source']);
  });

  describe('repeats', () => {
    it.each([
      ['the same signal 1 ms later', signal({ at: 10_001 }), 1],
      ['the same signal 999 ms later', signal({ at: 10_999 }), 1],
      ['the same signal exactly 1 s later', signal({ at: 11_000 }), 2],
      ['the same signal 5 s later', signal({ at: 15_000 }), 2],
      ['another kind at the same time', signal({ kind: 'answered' }), 2],
      ['another call id at the same time', signal({ callId: 'call-2' }), 2],
      ['no call id at the same time', signal({ callId: undefined }), 2],
      ['another source at the same time', signal({ source: 'aircall' }), 2],
    ])('%s → %i send(s)', (_label, second, sends) => {
      const hubspot = recordingAdapter('hubspot');
      const send = vi.fn(async (_: CallSignal) => undefined);
      startDetector({ frame, adapters: [hubspot.adapter], send });
      hubspot.emit(signal());
      hubspot.emit(second);
      expect(send).toHaveBeenCalledTimes(sends);
    });

    it('measures the window from the last signal sent, not the last one dropped', () => {
      const hubspot = recordingAdapter('hubspot');
      const send = vi.fn(async (_: CallSignal) => undefined);
      startDetector({ frame, adapters: [hubspot.adapter], send });
      for (const at of [10_000, 10_600, 10_900, 11_000, 11_500, 12_100]) hubspot.emit(signal({ at }));
      expect(send.mock.calls.map(([sent]) => sent.at)).toEqual([10_000, 11_000, 12_100]);
    });

    it('dedupes across adapters by the signal source, not the adapter', () => {
      const first = recordingAdapter('first');
      const second = recordingAdapter('second');
      const send = vi.fn(async (_: CallSignal) => undefined);
      startDetector({ frame, adapters: [first.adapter, second.adapter], send });
      first.emit(signal());
      second.emit(signal({ at: 10_200 }));
      expect(send).toHaveBeenCalledTimes(1);
    });
  });

  describe('a failed send', () => {
    it('stops the adapters when the extension is gone', async () => {
      const hubspot = recordingAdapter('hubspot');
      const send = vi.fn(async (_: CallSignal) => {
        throw new Error('Extension context invalidated.');
      });
      startDetector({ frame, adapters: [hubspot.adapter], send, isConnected: () => false });
      hubspot.emit(signal());
      await settle();
      expect(hubspot.started[0]?.stop.aborted).toBe(true);

      hubspot.emit(signal({ kind: 'ended', at: 99_000 }));
      expect(send).toHaveBeenCalledTimes(1);
    });

    it('keeps listening while the extension is still there', async () => {
      const hubspot = recordingAdapter('hubspot');
      const isConnected = vi.fn(() => true);
      const send = vi
        .fn(async (_: CallSignal): Promise<unknown> => undefined)
        .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
      startDetector({ frame, adapters: [hubspot.adapter], send, isConnected });
      hubspot.emit(signal());
      await settle();
      expect(isConnected).toHaveBeenCalled();
      expect(hubspot.started[0]?.stop.aborted).toBe(false);

      hubspot.emit(signal({ kind: 'ended', at: 99_000 }));
      expect(send).toHaveBeenCalledTimes(2);
    });

    it('does not ask whether the extension is there when the send succeeds', async () => {
      const hubspot = recordingAdapter('hubspot');
      const isConnected = vi.fn(() => false);
      startDetector({ frame, adapters: [hubspot.adapter], send: async () => ({ ok: true }), isConnected });
      hubspot.emit(signal());
      await settle();
      expect(isConnected).not.toHaveBeenCalled();
      expect(hubspot.started[0]?.stop.aborted).toBe(false);
    });
  });

  it('returns a stop function that aborts the adapters and silences late emits', () => {
    const hubspot = recordingAdapter('hubspot');
    const send = vi.fn(async (_: CallSignal) => undefined);
    const stop = startDetector({ frame, adapters: [hubspot.adapter], send });
    stop();
    expect(hubspot.started[0]?.stop.aborted).toBe(true);
    hubspot.emit(signal());
    expect(send).not.toHaveBeenCalled();
  });
});
