/**
 * HubSpot calling extensions: the calling widget is an iframe that posts
 * `{type, data, messageId}` to its host page (the CRM). Try it on: app.hubspot.com with any
 * calling app, or tests/fixtures/demo-dialer (the demo softphone speaks this protocol).
 */
import * as v from 'valibot';
import type { CallOutcome } from '../../messages/call-signal';
import type { DialerAdapter } from './adapter';
import { onFrameMessage } from './frame-messages';

const SOURCE = 'hubspot';

const callId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const data = v.looseObject({
  externalCallId: v.optional(callId),
  callEndStatus: v.optional(v.pipe(v.string(), v.maxLength(40))),
});

const widgetMessage = v.looseObject({
  type: v.picklist(['OUTGOING_CALL_STARTED', 'INCOMING_CALL', 'CALL_ANSWERED', 'CALL_ENDED', 'CALL_COMPLETED']),
  data: v.optional(data),
  messageId: v.pipe(v.string(), v.maxLength(100)),
});

const END_STATUS_OUTCOMES: Record<string, CallOutcome> = {
  COMPLETED: 'completed',
  NO_ANSWER: 'no-answer',
  MISSED: 'no-answer',
  BUSY: 'busy',
  FAILED: 'failed',
  CANCELED: 'canceled',
  REJECTED: 'canceled',
};

export function outcomeFromEndStatus(status: string | undefined): CallOutcome {
  // Own keys only: a status named "constructor" or "__proto__" must not reach Object.prototype.
  return status !== undefined && Object.hasOwn(END_STATUS_OUTCOMES, status)
    ? (END_STATUS_OUTCOMES[status] ?? 'unknown')
    : 'unknown';
}

export const hubspotAdapter: DialerAdapter = {
  id: SOURCE,
  // Any CRM can host a calling-extensions widget, so every frame listens; the message shape
  // and the sender frame decide.
  matches: () => true,
  start(frame, emit, stop, now) {
    onFrameMessage(frame, stop, widgetMessage, ({ type, data: payload }) => {
      const base = { source: SOURCE, callId: payload?.externalCallId, at: now() };
      switch (type) {
        case 'OUTGOING_CALL_STARTED':
          emit({ ...base, kind: 'started', direction: 'outbound' });
          break;
        case 'INCOMING_CALL':
          emit({ ...base, kind: 'started', direction: 'inbound' });
          break;
        case 'CALL_ANSWERED':
          emit({ ...base, kind: 'answered' });
          break;
        case 'CALL_ENDED':
          emit({ ...base, kind: 'ended', outcome: outcomeFromEndStatus(payload?.callEndStatus) });
          break;
        case 'CALL_COMPLETED':
          // Usually follows CALL_ENDED (the tracker drops the repeat); alone, it still ends the call.
          emit({ ...base, kind: 'ended' });
          break;
      }
    });
  },
};
