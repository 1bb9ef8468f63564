import * as v from 'valibot';
import { escalationSchema } from './escalation';

export const nudgeSchema = v.strictObject({
  callKey: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  dialer: v.pipe(v.string(), v.maxLength(60)),
  durationMs: v.optional(v.pipe(v.number(), v.minValue(0))),
  hideAfterMs: v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(600_000)),
  escalation: v.optional(escalationSchema),
  /** Why Rebound asks about this call, when it sounded rough: said on the toast, nothing pre-selected. */
  why: v.optional(v.pipe(v.string(), v.maxLength(200))),
});
export type Nudge = v.InferOutput<typeof nudgeSchema>;

/** Messages the background sends to a tab's top-frame content script. */
export const toContentSchema = v.variant('type', [
  v.strictObject({ type: v.literal('show-nudge'), nudge: nudgeSchema }),
  /** The quick-reset shortcut: the toast opens straight on its 5-second breath. */
  v.strictObject({ type: v.literal('start-breath'), hideAfterMs: nudgeSchema.entries.hideAfterMs }),
]);
export type ToContent = v.InferOutput<typeof toContentSchema>;

export function parseToContent(message: unknown): ToContent | undefined {
  const result = v.safeParse(toContentSchema, message);
  return result.success ? result.output : undefined;
}
