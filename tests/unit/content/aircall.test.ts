import { describe, expect, it } from 'vitest';
import { aircallAdapter } from '../../../src/content/adapters/aircall';
import { replay } from './adapter-harness';

describe('Aircall Everywhere adapter', () => {
  it('follows an outgoing call and takes the reported duration', () => {
    const signals = replay(aircallAdapter, [
      { at: 0, data: { name: 'apm_phone_outgoing_call', value: { call_id: 9001, from: '+1', to: '+2' } } },
      { at: 4000, data: { name: 'apm_phone_outgoing_answered', value: { call_id: 9001 } } },
      { at: 64_000, data: { name: 'apm_phone_call_ended', value: { call_id: 9001, duration: 60 } } },
    ]);
    expect(signals).toEqual([
      { kind: 'started', source: 'aircall', callId: '9001', at: 0, direction: 'outbound' },
      { kind: 'answered', source: 'aircall', callId: '9001', at: 4000 },
      { kind: 'ended', source: 'aircall', callId: '9001', at: 64_000, outcome: 'completed', durationMs: 60_000 },
    ]);
  });

  it('maps how an incoming call stopped ringing', () => {
    const answered = replay(aircallAdapter, [
      { at: 0, data: { name: 'apm_phone_incoming_call', value: { call_id: 'a' } } },
      { at: 2000, data: { name: 'apm_phone_call_end_ringtone', value: { call_id: 'a', answer_status: 'answered' } } },
      { at: 9000, data: { name: 'apm_phone_call_ended', value: { call_id: 'a', duration: '7' } } },
    ]);
    expect(answered.map((s) => [s.kind, s.direction, s.outcome, s.durationMs])).toEqual([
      ['started', 'inbound', undefined, undefined],
      ['answered', undefined, undefined, undefined],
      ['ended', undefined, 'completed', 7000],
    ]);
    const refused = replay(aircallAdapter, [
      { at: 0, data: { name: 'apm_phone_incoming_call', value: { call_id: 'b' } } },
      { at: 2000, data: { name: 'apm_phone_call_end_ringtone', value: { call_id: 'b', answer_status: 'refused' } } },
    ]);
    expect(refused.at(-1)).toMatchObject({ kind: 'ended', outcome: 'canceled' });
    const missed = replay(aircallAdapter, [
      { at: 0, data: { name: 'apm_phone_call_end_ringtone', value: { call_id: 'c', answer_status: 'disconnected' } } },
    ]);
    expect(missed).toEqual([{ kind: 'ended', source: 'aircall', callId: 'c', at: 0, outcome: 'no-answer' }]);
  });

  it('ignores forged, foreign and malformed events', () => {
    const signals = replay(aircallAdapter, [
      { at: 0, data: { name: 'apm_phone_call_ended', value: { duration: 5 } }, from: 'page' },
      { at: 0, data: { name: 'apm_phone_call_ended', value: { duration: -5 } } },
      { at: 0, data: { name: 'apm_phone_call_ended', value: { duration: '1e9' } } },
      { at: 0, data: { name: 'apm_phone_call_end_ringtone', value: { answer_status: 'maybe' } } },
      { at: 0, data: { name: 'apm_phone_logout' } },
      { at: 0, data: ['apm_phone_call_ended'] },
    ]);
    expect(signals).toEqual([]);
  });
});
