/**
 * Aircall Workspace / Aircall Everywhere: the phone iframe (workspace.aircall.io) posts
 * `{name: 'apm_phone_<event>', value}` to its host page. Try it on: tests/fixtures/aircall.
 */
import * as v from 'valibot';
import type { CallOutcome } from '../../messages/call-signal';
import type { DialerAdapter } from './adapter';
import { AnsweredCalls } from './answered-calls';
import { onFrameMessage, secondsAsMs, vendorCallId } from './frame-messages';

const SOURCE = 'aircall';

const event = v.looseObject({
  name: v.picklist([
    'apm_phone_incoming_call',
    'apm_phone_outgoing_call',
    'apm_phone_outgoing_answered',
    'apm_phone_call_end_ringtone',
    'apm_phone_call_ended',
  ]),
  value: v.optional(
    v.looseObject({
      call_id: v.optional(vendorCallId),
      answer_status: v.optional(v.picklist(['answered', 'disconnected', 'refused'])),
      duration: v.optional(secondsAsMs),
    }),
  ),
});

/** How an incoming call's ringing stopped, when it did not turn into a conversation. */
const UNANSWERED_RINGTONE: Record<string, CallOutcome> = { disconnected: 'no-answer', refused: 'canceled' };

export const aircallAdapter: DialerAdapter = {
  id: SOURCE,
  matches: () => true,
  start(frame, emit, stop, now) {
    const answered = new AnsweredCalls();
    onFrameMessage(frame, stop, event, ({ name, value }) => {
      const base = { source: SOURCE, callId: value?.call_id, at: now() };
      switch (name) {
        case 'apm_phone_incoming_call':
          emit({ ...base, kind: 'started', direction: 'inbound' });
          break;
        case 'apm_phone_outgoing_call':
          emit({ ...base, kind: 'started', direction: 'outbound' });
          break;
        case 'apm_phone_outgoing_answered':
          answered.add(base.callId);
          emit({ ...base, kind: 'answered' });
          break;
        case 'apm_phone_call_end_ringtone': {
          const status = value?.answer_status;
          if (status === 'answered') {
            answered.add(base.callId);
            emit({ ...base, kind: 'answered' });
          } else if (status !== undefined) {
            emit({ ...base, kind: 'ended', outcome: UNANSWERED_RINGTONE[status] ?? 'unknown' });
          }
          break;
        }
        case 'apm_phone_call_ended': {
          const talked = answered.take(base.callId);
          emit({ ...base, kind: 'ended', outcome: talked ? 'completed' : 'no-answer', durationMs: value?.duration });
          break;
        }
      }
    });
  },
};
