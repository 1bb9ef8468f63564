import { describe, expect, it } from 'vitest';
import { zoomPhoneAdapter } from '../../../src/content/adapters/zoom-phone';
import { replay } from './adapter-harness';

describe('Zoom Phone Smart Embed adapter', () => {
  it('follows a call from ringing to its log', () => {
    const signals = replay(zoomPhoneAdapter, [
      { at: 0, data: { type: 'zp-call-ringing-event', data: { callId: 'z1', direction: 'outbound' } } },
      { at: 2000, data: { type: 'zp-call-connected-event', data: { callId: 'z1' } } },
      { at: 12_000, data: { type: 'zp-call-ended-event', data: { callId: 'z1' } } },
      { at: 13_000, data: { type: 'zp-call-log-completed-event', data: { callLogs: { callId: 'z1', duration: 10 } } } },
    ]);
    expect(signals).toEqual([
      { kind: 'started', source: 'zoom-phone', callId: 'z1', at: 0, direction: 'outbound' },
      { kind: 'answered', source: 'zoom-phone', callId: 'z1', at: 2000 },
      { kind: 'ended', source: 'zoom-phone', callId: 'z1', at: 12_000, outcome: 'completed' },
      { kind: 'ended', source: 'zoom-phone', callId: 'z1', at: 13_000, durationMs: 10_000 },
    ]);
  });

  it('calls a call that ended without connecting a no-answer', () => {
    const signals = replay(zoomPhoneAdapter, [
      { at: 0, data: { type: 'zp-call-ringing-event', data: { callId: 'z2', direction: 'inbound' } } },
      { at: 25_000, data: { type: 'zp-call-ended-event', data: { callId: 'z2' } } },
    ]);
    expect(signals.at(-1)).toMatchObject({ kind: 'ended', outcome: 'no-answer' });
  });

  it('ignores forged and malformed events', () => {
    const signals = replay(zoomPhoneAdapter, [
      { at: 0, data: { type: 'zp-call-ended-event', data: { callId: 'z3' } }, from: 'stranger' },
      { at: 0, data: { type: 'zp-call-ringing-event', data: { direction: 'up' } } },
      { at: 0, data: { type: 'zp-sms-log-event', data: {} } },
      { at: 0, data: { type: 'zp-call-log-completed-event', data: { callLogs: { duration: 'x' } } } },
    ]);
    expect(signals).toEqual([]);
  });
});
