// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { webrtcAdapter } from '../../../src/content/adapters/webrtc';
import type { CallSignal } from '../../../src/messages/call-signal';
import { WEBRTC_EVENT } from '../../../src/page/webrtc-channel';
import { lineOf } from '../fakes/webrtc-notice';

function hear(details: unknown[]): CallSignal[] {
  const signals: CallSignal[] = [];
  const controller = new AbortController();
  let clock = 0;
  webrtcAdapter.start(
    window,
    (signal) => signals.push(signal),
    controller.signal,
    () => clock,
  );
  for (const detail of details) {
    clock += 1000;
    document.dispatchEvent(new CustomEvent(WEBRTC_EVENT, { detail }));
  }
  controller.abort();
  return signals;
}

describe('WebRTC adapter (the hook channel)', () => {
  it('turns the hook notices into signals', () => {
    expect(hear([lineOf({ kind: 'started', id: 'k3x9-1' }), lineOf({ kind: 'ended', id: 'k3x9-1' })])).toEqual([
      { kind: 'started', source: 'webrtc', callId: 'k3x9-1', at: 1000 },
      { kind: 'ended', source: 'webrtc', callId: 'k3x9-1', at: 2000 },
    ]);
  });

  it('drops anything else the page dispatches on the channel, without throwing', () => {
    expect(
      hear([
        { kind: 'started', id: 'k3x9-1' },
        JSON.stringify({ kind: 'started', id: 'k3x9-1' }),
        'a k3x9-1',
        's <script>',
        's k3x9-1 extra',
        's k3x9-1\n',
        ` s k3x9-1`,
        `s ${'a'.repeat(300)}-1`,
        null,
        42,
      ]),
    ).toEqual([]);
  });

  it('stops listening when stopped', () => {
    const signals: CallSignal[] = [];
    const controller = new AbortController();
    webrtcAdapter.start(
      window,
      (signal) => signals.push(signal),
      controller.signal,
      () => 0,
    );
    controller.abort();
    document.dispatchEvent(new CustomEvent(WEBRTC_EVENT, { detail: lineOf({ kind: 'started', id: 'a-1' }) }));
    expect(signals).toEqual([]);
  });
});
