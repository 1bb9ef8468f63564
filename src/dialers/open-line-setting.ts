import * as v from 'valibot';

/**
 * The rep's word on a site's line: a dialer family (by id) or a site they added (by origin)
 * keeps the line open between calls or not, and how long a quiet spell ends a conversation.
 */
export const openLineSchema = v.strictObject({
  site: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  open: v.boolean(),
  quietSeconds: v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(600)),
});
export type OpenLine = v.InferOutput<typeof openLineSchema>;
export const openLinesSchema = v.pipe(v.array(openLineSchema), v.maxLength(200));
