import { describe, expect, it, vi } from 'vitest';
import type { DialerAdapter, EmitSignal } from '../../../src/content/adapters/adapter';
import { onUnrecognisedFrameMessage } from '../../../src/content/adapters/frame-messages';
import { PROTOCOL_ADAPTERS } from '../../../src/content/adapters/protocol-adapters';
import { MAX_SIGNALS_PER_SECOND, startDetector } from '../../../src/content/detector';
import { DROP_REPORT_INTERVAL_MS, dropReporter } from '../../../src/content/drop-report';
import { installMessagePrefilter } from '../../../src/page/message-prefilter';
import { standInFrame } from './adapter-harness';

function post(frame: Window, data: unknown, source: unknown): void {
  const event = new Event('message');
  Object.defineProperties(event, { data: { value: data }, source: { value: source } });
  frame.dispatchEvent(event);
}

const adapter = (id: string, matches: boolean, onStart?: (emit: EmitSignal) => void): DialerAdapter => ({
  id,
  matches: () => matches,
  start: (_frame, emit) => onStart?.(emit),
});

describe('what the detector tells the trail', () => {
  it('names the adapters that started in its frame', () => {
    const onStarted = vi.fn();
    startDetector({
      frame: {} as Window,
      adapters: [adapter('hubspot', true), adapter('salesloft', false), adapter('webrtc', true)],
      send: async () => undefined,
      onStarted,
    });
    expect(onStarted).toHaveBeenCalledExactlyOnceWith(['hubspot', 'webrtc']);
  });

  it('counts the signals it lets go over the frame’s limit', () => {
    let emit: EmitSignal = () => undefined;
    const onOverLimit = vi.fn();
    startDetector({
      frame: {} as Window,
      adapters: [adapter('hubspot', true, (e) => (emit = e))],
      send: async () => undefined,
      onOverLimit,
    });
    for (let i = 0; i < MAX_SIGNALS_PER_SECOND + 5; i++)
      emit({ kind: 'started', source: 'hubspot', callId: `c${i}`, at: 1000 });
    expect(onOverLimit).toHaveBeenCalledTimes(5);
  });

  it('hears of a dialer’s message in a shape no adapter knows, and of nothing else', () => {
    const frame = standInFrame();
    installMessagePrefilter(frame);
    const widget = { parent: frame };
    const unrecognised = vi.fn();
    onUnrecognisedFrameMessage(frame, unrecognised);
    const controller = new AbortController();
    for (const each of PROTOCOL_ADAPTERS)
      each.start(
        frame,
        () => undefined,
        controller.signal,
        () => 0,
      );
    post(frame, { type: 'rc-call-end-notify', call: { id: 1 } }, widget);
    post(frame, { type: 'presence', data: {} }, widget);
    post(frame, { type: 'rc-call-end-notify', call: 'phone +1 415 555 0134' }, frame);
    expect(unrecognised).not.toHaveBeenCalled();
    post(frame, { type: 'rc-call-end-notify', call: 'phone +1 415 555 0134' }, widget);
    expect(unrecognised).toHaveBeenCalledExactlyOnceWith();
    controller.abort();
  });
});

describe('dropReporter', () => {
  it('sends counts by reason at most once per interval', () => {
    const timers: (() => void)[] = [];
    const send = vi.fn(async () => undefined);
    const report = dropReporter(send, (run, ms) => {
      expect(ms).toBe(DROP_REPORT_INTERVAL_MS);
      timers.push(run);
    });
    for (let i = 0; i < 500; i++) report('unrecognised-message');
    report('frame-signal-limit');
    expect(timers).toHaveLength(1);
    expect(send).not.toHaveBeenCalled();
    timers[0]?.();
    expect(send.mock.calls).toEqual([
      ['unrecognised-message', 500],
      ['frame-signal-limit', 1],
    ]);
    report('frame-signal-limit');
    expect(timers).toHaveLength(2);
    timers[1]?.();
    expect(send.mock.calls.at(-1)).toEqual(['frame-signal-limit', 1]);
  });
});
