/**
 * Dialpad CTI: the CTI iframe (dialpad.com/apps) posts
 * `{api: 'opencti_dialpad', version, method, payload}` to its host page. Of the call's life it
 * only tells `call_ringing` (state on/off): the audio itself is seen by the WebRTC hook inside
 * the CTI frame, and the tracker merges the two into one Dialpad call whose end is the hook's.
 * Try it on: tests/fixtures/dialpad.
 */
import * as v from 'valibot';
import type { DialerAdapter } from './adapter';
import { onFrameMessage, vendorCallId } from './frame-messages';

const SOURCE = 'dialpad';

const event = v.looseObject({
  api: v.literal('opencti_dialpad'),
  method: v.literal('call_ringing'),
  payload: v.looseObject({ state: v.picklist(['on', 'off']), id: v.optional(vendorCallId) }),
});

export const dialpadAdapter: DialerAdapter = {
  id: SOURCE,
  matches: () => true,
  start(frame, emit, stop, now) {
    onFrameMessage(frame, stop, event, ({ payload }) => {
      // Ringing stopping says nothing on its own (answered or missed); the hook tells which.
      if (payload.state !== 'on') return;
      emit({ kind: 'started', source: SOURCE, callId: payload.id, at: now(), direction: 'inbound' });
    });
  },
};
