import { describe, expect, it } from 'vitest';
import { justcallAdapter } from '../../../src/content/adapters/justcall';
import { replay } from './adapter-harness';

describe('JustCall adapter', () => {
  it('follows an incoming call to its end with the reported duration', () => {
    const signals = replay(justcallAdapter, [
      { at: 0, data: { name: 'call-ringing', data: { call_sid: 'CA1', direction: 'Incoming' } } },
      { at: 3000, data: { name: 'call-answered', data: { call_sid: 'CA1', direction: 'Incoming' } } },
      { at: 48_000, data: { name: 'call-ended', data: { call_sid: 'CA1', direction: 'Incoming', duration: 45 } } },
    ]);
    expect(signals).toEqual([
      { kind: 'started', source: 'justcall', callId: 'CA1', at: 0, direction: 'inbound' },
      { kind: 'answered', source: 'justcall', callId: 'CA1', at: 3000 },
      { kind: 'ended', source: 'justcall', callId: 'CA1', at: 48_000, outcome: 'completed', durationMs: 45_000 },
    ]);
  });

  it('calls an outgoing call that ended unanswered a no-answer', () => {
    const signals = replay(justcallAdapter, [
      { at: 0, data: { name: 'call-ringing', data: { call_sid: 'CA2', direction: 'outbound' } } },
      { at: 30_000, data: { name: 'call-ended', data: { call_sid: 'CA2', duration: '0' } } },
    ]);
    expect(signals.map((s) => [s.kind, s.direction, s.outcome])).toEqual([
      ['started', 'outbound', undefined],
      ['ended', undefined, 'no-answer'],
    ]);
  });

  it('ignores forged and malformed events', () => {
    const signals = replay(justcallAdapter, [
      { at: 0, data: { name: 'call-ended', data: { call_sid: 'CA3' } }, from: 'page' },
      { at: 0, data: { name: 'call-ended', data: { call_sid: '' } } },
      { at: 0, data: { name: 'call-ended', data: { duration: 'long' } } },
      { at: 0, data: { name: 'sms-received', data: {} } },
      { at: 0, data: 42 },
    ]);
    expect(signals).toEqual([]);
  });
});
