/**
 * Zoom Phone Smart Embed: the softphone iframe (applications.zoom.us) posts `{type, data}` to
 * its host page: zp-call-ringing-event, zp-call-connected-event, zp-call-ended-event and, once
 * the log is written, zp-call-log-completed-event. Try it on: tests/fixtures/zoom-phone.
 */
import * as v from 'valibot';
import type { DialerAdapter } from './adapter';
import { AnsweredCalls } from './answered-calls';
import { onFrameMessage, secondsAsMs, vendorCallId } from './frame-messages';

const SOURCE = 'zoom-phone';

const callLog = v.looseObject({ callId: v.optional(vendorCallId), duration: v.optional(secondsAsMs) });

const event = v.looseObject({
  type: v.picklist([
    'zp-call-ringing-event',
    'zp-call-connected-event',
    'zp-call-ended-event',
    'zp-call-log-completed-event',
  ]),
  data: v.optional(
    v.looseObject({
      callId: v.optional(vendorCallId),
      direction: v.optional(v.picklist(['inbound', 'outbound'])),
      callLogs: v.optional(callLog),
    }),
  ),
});

export const zoomPhoneAdapter: DialerAdapter = {
  id: SOURCE,
  matches: () => true,
  start(frame, emit, stop, now) {
    const answered = new AnsweredCalls();
    onFrameMessage(frame, stop, event, ({ type, data }) => {
      const callId = data?.callId ?? data?.callLogs?.callId;
      const base = { source: SOURCE, callId, at: now() };
      switch (type) {
        case 'zp-call-ringing-event':
          emit({ ...base, kind: 'started', direction: data?.direction });
          break;
        case 'zp-call-connected-event':
          answered.add(callId);
          emit({ ...base, kind: 'answered' });
          break;
        case 'zp-call-ended-event': {
          const talked = answered.take(callId);
          emit({ ...base, kind: 'ended', outcome: talked ? 'completed' : 'no-answer' });
          break;
        }
        case 'zp-call-log-completed-event':
          // Normally a repeat of the end (the tracker drops it); alone, it still ends the call.
          emit({ ...base, kind: 'ended', durationMs: data?.callLogs?.duration });
          break;
      }
    });
  },
};
