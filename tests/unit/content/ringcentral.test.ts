import { describe, expect, it } from 'vitest';
import { ringcentralAdapter } from '../../../src/content/adapters/ringcentral';
import { replay } from './adapter-harness';

const call = (extra: Record<string, unknown> = {}) => ({ id: 'rc-1', direction: 'Outbound', ...extra });

describe('RingCentral Embeddable adapter', () => {
  it('follows an outgoing call through hold and resume to its end', () => {
    const signals = replay(ringcentralAdapter, [
      { at: 1000, data: { type: 'rc-call-init-notify', call: call() } },
      { at: 3000, data: { type: 'rc-call-start-notify', call: call({ startTime: 3000 }) } },
      { at: 5000, data: { type: 'rc-call-hold-notify', call: call({ startTime: 3000 }) } },
      { at: 7000, data: { type: 'rc-call-resume-notify', call: call({ startTime: 3000 }) } },
      { at: 9000, data: { type: 'rc-call-end-notify', call: call({ startTime: 3000, endTime: 9000 }) } },
    ]);
    expect(signals).toEqual([
      { kind: 'started', source: 'ringcentral', callId: 'rc-1', at: 1000, direction: 'outbound' },
      { kind: 'answered', source: 'ringcentral', callId: 'rc-1', at: 3000, direction: 'outbound' },
      { kind: 'ended', source: 'ringcentral', callId: 'rc-1', at: 9000, outcome: 'completed', durationMs: 6000 },
    ]);
  });

  it('calls an incoming call that rang out a missed one', () => {
    const inbound = { id: 'rc-2', direction: 'Inbound' };
    const signals = replay(ringcentralAdapter, [
      { at: 0, data: { type: 'rc-call-ring-notify', call: inbound } },
      { at: 20_000, data: { type: 'rc-call-end-notify', call: { ...inbound, endTime: 20_000 } } },
    ]);
    expect(signals.map((s) => [s.kind, s.direction, s.outcome, s.durationMs])).toEqual([
      ['started', 'inbound', undefined, undefined],
      ['ended', undefined, 'no-answer', undefined],
    ]);
  });

  it('ignores the page itself, strangers and other shapes', () => {
    const signals = replay(ringcentralAdapter, [
      { at: 0, data: { type: 'rc-call-init-notify', call: call() }, from: 'page' },
      { at: 0, data: { type: 'rc-call-init-notify', call: call() }, from: 'stranger' },
      { at: 0, data: { type: 'rc-call-init-notify' } },
      { at: 0, data: { type: 'rc-call-init-notify', call: { id: { toString: 'x' } } } },
      { at: 0, data: { type: 'rc-call-init-notify', call: { direction: 'Sideways' } } },
      { at: 0, data: { type: 'rc-login-status-notify', loggedIn: true } },
      { at: 0, data: 'rc-call-end-notify' },
      { at: 0, data: null },
    ]);
    expect(signals).toEqual([]);
  });
});
