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
/** Answering connects the audio within a second or two; this leaves room on a slow machine. */
export const RING_OFF_GRACE_MS = 5000;
/** Pending ring-off checks at once: one per ringing call; a page flooding made-up ids gets no more. */
const MAX_PENDING = 10;

const event = v.looseObject({
  api: v.literal('opencti_dialpad'),
  method: v.literal('call_ringing'),
  payload: v.looseObject({ state: v.picklist(['on', 'off']), id: v.optional(vendorCallId) }),
});

export const dialpadAdapter: DialerAdapter = {
  id: SOURCE,
  matches: () => true,
  start(frame, emit, stop, now) {
    const pending = new Map<string, ReturnType<typeof setTimeout>>();
    stop.addEventListener('abort', () => {
      for (const timer of pending.values()) clearTimeout(timer);
    });
    onFrameMessage(frame, stop, event, ({ payload }) => {
      const base = { source: SOURCE, callId: payload.id, at: now() };
      if (payload.state === 'on') {
        emit({ ...base, kind: 'started', direction: 'inbound' });
        return;
      }
      const key = payload.id ?? '';
      if (pending.has(key) || pending.size >= MAX_PENDING) return;
      const timer = setTimeout(() => {
        pending.delete(key);
        emit({ ...base, kind: 'ended', outcome: 'no-answer' });
      }, RING_OFF_GRACE_MS);
      pending.set(key, timer);
    });
  },
};
