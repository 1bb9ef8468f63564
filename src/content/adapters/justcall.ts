/**
 * JustCall dialer SDK: the dialer iframe (app.justcall.io/dialer) posts `{name, data}` to its
 * host page: call-ringing, call-answered, call-ended. Try it on: tests/fixtures/justcall.
 */
import * as v from 'valibot';
import type { DialerAdapter } from './adapter';
import { AnsweredCalls } from './answered-calls';
import { onFrameMessage, secondsAsMs, vendorCallId } from './frame-messages';

const SOURCE = 'justcall';

const event = v.looseObject({
  name: v.picklist(['call-ringing', 'call-answered', 'call-ended']),
  data: v.optional(
    v.looseObject({
      call_sid: v.optional(vendorCallId),
      direction: v.optional(v.pipe(v.string(), v.maxLength(20), v.toLowerCase())),
      duration: v.optional(secondsAsMs),
    }),
  ),
});

export const justcallAdapter: DialerAdapter = {
  id: SOURCE,
  matches: () => true,
  start(frame, emit, stop, now) {
    const answered = new AnsweredCalls();
    onFrameMessage(frame, stop, event, ({ name, data }) => {
      const base = { source: SOURCE, callId: data?.call_sid, at: now() };
      switch (name) {
        case 'call-ringing': {
          const raw = data?.direction;
          const direction = raw === 'inbound' || raw === 'incoming' ? 'inbound' : raw ? 'outbound' : undefined;
          emit({ ...base, kind: 'started', direction });
          break;
        }
        case 'call-answered':
          answered.add(base.callId);
          emit({ ...base, kind: 'answered' });
          break;
        case 'call-ended': {
          const talked = answered.take(base.callId);
          emit({ ...base, kind: 'ended', outcome: talked ? 'completed' : 'no-answer', durationMs: data?.duration });
          break;
        }
      }
    });
  },
};
