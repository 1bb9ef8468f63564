import * as v from 'valibot';
import { SNOOZE_CHOICES } from '../snooze/snooze';
import { callSignalSchema } from './call-signal';

export const CALL_RATINGS = ['fine', 'so-so', 'tough'] as const;
export type CallRating = (typeof CALL_RATINGS)[number];

const callKey = v.pipe(v.string(), v.minLength(1), v.maxLength(300));
const adapterId = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,39}$/));

/** Why the detector in a frame let something go, reported as a count (never what it was). */
export const DETECTOR_DROP_REASONS = ['frame-signal-limit', 'unrecognised-message'] as const;
export type DetectorDropReason = (typeof DETECTOR_DROP_REASONS)[number];

/** Messages that content scripts and extension pages send to the background. */
export const toBackgroundSchema = v.variant('type', [
  v.strictObject({ type: v.literal('call-signal'), signal: callSignalSchema }),
  v.strictObject({ type: v.literal('rate-call'), callKey, rating: v.picklist(CALL_RATINGS) }),
  v.strictObject({ type: v.literal('open-reset'), callKey }),
  /** The escalation's "longer break": the rough-run routine. */
  v.strictObject({ type: v.literal('open-rough-run'), callKey }),
  v.strictObject({ type: v.literal('history-changed') }),
  v.strictObject({ type: v.literal('snooze'), callKey, choice: v.picklist(SNOOZE_CHOICES) }),
  /** The toast's 5-second breath ran to its end: after a nudged call, or alone (quick reset shortcut). */
  v.strictObject({ type: v.literal('breath-done'), callKey: v.optional(callKey) }),
  /** A widget dialer's frame says which page it lives in (its top page's origin). */
  v.strictObject({
    type: v.literal('widget-frame'),
    family: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,39}$/)),
    pageOrigin: v.pipe(v.string(), v.maxLength(300), v.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/)),
  }),
  /** The detector started in a frame with these adapters: the first line of the tab's trail. */
  v.strictObject({ type: v.literal('detector-started'), adapters: v.pipe(v.array(adapterId), v.maxLength(40)) }),
  /** A WebRTC call started in this frame with conversation signals on: load the talk script, say if the line stays open. */
  v.strictObject({ type: v.literal('talk-start') }),
  v.strictObject({
    type: v.literal('detector-dropped'),
    reason: v.picklist(DETECTOR_DROP_REASONS),
    count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)),
  }),
]);

export type ToBackground = v.InferOutput<typeof toBackgroundSchema>;

export function parseToBackground(message: unknown): ToBackground | undefined {
  const result = v.safeParse(toBackgroundSchema, message);
  return result.success ? result.output : undefined;
}
