import { describe, expect, it } from 'vitest';
import { hubspotAdapter, outcomeFromEndStatus } from '../../../src/content/adapters/hubspot';
import { replay } from './adapter-harness';

const message = (type: string, data: Record<string, unknown>) => ({ type, data, messageId: `1_${type}` });

describe('HubSpot calling extensions adapter', () => {
  it('follows an outgoing call (recorded from the demo softphone)', () => {
    const signals = replay(hubspotAdapter, [
      {
        at: 0,
        data: message('OUTGOING_CALL_STARTED', { externalCallId: 'h1', toNumber: '+1', createEngagement: true }),
      },
      { at: 800, data: message('CALL_ANSWERED', { externalCallId: 'h1' }) },
      { at: 5000, data: message('CALL_ENDED', { externalCallId: 'h1', engagementId: 4, callEndStatus: 'COMPLETED' }) },
      { at: 5300, data: message('CALL_COMPLETED', { externalCallId: 'h1', engagementId: 4, hideWidget: false }) },
    ]);
    expect(signals).toEqual([
      { kind: 'started', source: 'hubspot', callId: 'h1', at: 0, direction: 'outbound' },
      { kind: 'answered', source: 'hubspot', callId: 'h1', at: 800 },
      { kind: 'ended', source: 'hubspot', callId: 'h1', at: 5000, outcome: 'completed' },
      { kind: 'ended', source: 'hubspot', callId: 'h1', at: 5300 },
    ]);
  });

  it('follows a declined incoming call', () => {
    const signals = replay(hubspotAdapter, [
      { at: 0, data: message('INCOMING_CALL', { externalCallId: 'h2', fromNumber: '+1' }) },
      { at: 4000, data: message('CALL_ENDED', { externalCallId: 'h2', callEndStatus: 'REJECTED' }) },
    ]);
    expect(signals.map((s) => [s.kind, s.direction, s.outcome])).toEqual([
      ['started', 'inbound', undefined],
      ['ended', undefined, 'canceled'],
    ]);
  });

  it('maps every end status to a Rebound outcome', () => {
    expect(
      ['COMPLETED', 'NO_ANSWER', 'MISSED', 'BUSY', 'FAILED', 'CANCELED', 'REJECTED', 'VOICEMAIL'].map(
        outcomeFromEndStatus,
      ),
    ).toEqual(['completed', 'no-answer', 'no-answer', 'busy', 'failed', 'canceled', 'canceled', 'voicemail']);
    expect(outcomeFromEndStatus('INTERNAL_BUSY')).toBe('busy');
    expect(outcomeFromEndStatus('no_answer')).toBe('no-answer');
    expect(outcomeFromEndStatus('SOMETHING_NEW')).toBe('unknown');
    expect(outcomeFromEndStatus('__proto__')).toBe('unknown');
    expect(outcomeFromEndStatus(undefined)).toBe('unknown');
  });

  it('ignores the page posting to itself and malformed messages', () => {
    const signals = replay(hubspotAdapter, [
      { at: 0, data: message('CALL_ENDED', { externalCallId: 'forged' }), from: 'page' },
      { at: 0, data: { type: 'CALL_ENDED' } },
      { at: 0, data: message('CALL_ENDED', { externalCallId: 42 }) },
      { at: 0, data: message('NOT_A_TYPE', {}) },
    ]);
    expect(signals).toEqual([]);
  });
});
