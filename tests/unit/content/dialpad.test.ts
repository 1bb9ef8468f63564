import { describe, expect, it } from 'vitest';
import { dialpadAdapter } from '../../../src/content/adapters/dialpad';
import { replay } from './adapter-harness';

describe('Dialpad CTI adapter', () => {
  it('starts an inbound call when ringing begins and leaves the end to the WebRTC hook', () => {
    const signals = replay(dialpadAdapter, [
      {
        at: 0,
        data: { api: 'opencti_dialpad', version: '1.0', method: 'call_ringing', payload: { state: 'on', id: 77 } },
      },
      {
        at: 3000,
        data: { api: 'opencti_dialpad', version: '1.0', method: 'call_ringing', payload: { state: 'off', id: 77 } },
      },
    ]);
    expect(signals).toEqual([{ kind: 'started', source: 'dialpad', callId: '77', at: 0, direction: 'inbound' }]);
  });

  it('ignores forged and malformed messages', () => {
    const ringing = { api: 'opencti_dialpad', version: '1.0', method: 'call_ringing', payload: { state: 'on' } };
    const signals = replay(dialpadAdapter, [
      { at: 0, data: ringing, from: 'page' },
      { at: 0, data: { ...ringing, api: 'opencti_other' } },
      { at: 0, data: { ...ringing, payload: { state: 'loud' } } },
      { at: 0, data: { ...ringing, method: 'user_authentication' } },
    ]);
    expect(signals).toEqual([]);
  });
});
