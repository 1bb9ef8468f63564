/**
 * RingCentral Embeddable: the widget iframe (apps.ringcentral.com/integration/ringcentral-embeddable)
 * posts `{type: 'rc-call-<stage>-notify', call}` to its host page for the web phone's calls.
 * Hold and resume keep the call going. Try it on: tests/fixtures/ringcentral.
 */
import * as v from 'valibot';
import type { DialerAdapter } from './adapter';
import { AnsweredCalls } from './answered-calls';
import { onFrameMessage, vendorCallId } from './frame-messages';

const SOURCE = 'ringcentral';
const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0));

const notification = v.looseObject({
  type: v.picklist([
    'rc-call-ring-notify',
    'rc-call-init-notify',
    'rc-call-start-notify',
    'rc-call-hold-notify',
    'rc-call-resume-notify',
    'rc-call-end-notify',
  ]),
  call: v.looseObject({
    id: v.optional(vendorCallId),
    direction: v.optional(v.picklist(['Inbound', 'Outbound'])),
    startTime: v.optional(epochMs),
    endTime: v.optional(epochMs),
  }),
});

export const ringcentralAdapter: DialerAdapter = {
  id: SOURCE,
  // The widget can be embedded in any CRM: the shape and the sender frame decide.
  matches: () => true,
  start(frame, emit, stop, now) {
    const answered = new AnsweredCalls();
    onFrameMessage(frame, stop, notification, ({ type, call }) => {
      const base = { source: SOURCE, callId: call.id, at: now() };
      switch (type) {
        case 'rc-call-ring-notify':
          emit({ ...base, kind: 'started', direction: 'inbound' });
          break;
        case 'rc-call-init-notify':
          emit({ ...base, kind: 'started', direction: 'outbound' });
          break;
        case 'rc-call-start-notify':
          answered.add(call.id);
          emit({ ...base, kind: 'answered', direction: call.direction === 'Inbound' ? 'inbound' : 'outbound' });
          break;
        case 'rc-call-end-notify': {
          const talked = answered.take(call.id);
          const reported =
            talked && call.startTime !== undefined && call.endTime !== undefined && call.endTime >= call.startTime
              ? call.endTime - call.startTime
              : undefined;
          emit({ ...base, kind: 'ended', outcome: talked ? 'completed' : 'no-answer', durationMs: reported });
          break;
        }
        // Hold and resume are moments inside a live call, not its edges.
      }
    });
  },
};
