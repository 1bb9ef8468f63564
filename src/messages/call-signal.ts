import * as v from 'valibot';
import { callTalkSchema } from '../talk/call-talk-schema';

/** What a dialer adapter saw. Times are epoch milliseconds taken in the content script. */
export const CALL_OUTCOMES = ['completed', 'no-answer', 'busy', 'voicemail', 'failed', 'canceled', 'unknown'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

const shortText = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const callSignalSchema = v.strictObject({
  kind: v.picklist(['started', 'answered', 'ended']),
  source: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,39}$/)),
  callId: v.optional(shortText),
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
  direction: v.optional(v.picklist(CALL_DIRECTIONS)),
  outcome: v.optional(v.picklist(CALL_OUTCOMES)),
  durationMs: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(24 * 3600 * 1000))),
  /** On an end heard by the WebRTC hook with conversation signals on: what was heard, as figures. */
  talk: v.optional(callTalkSchema),
  /** A conversation the WebRTC adapter cut out of a line that stays open, not a connection of its own. */
  openLine: v.optional(v.literal(true)),
});

export type CallSignal = v.InferOutput<typeof callSignalSchema>;
