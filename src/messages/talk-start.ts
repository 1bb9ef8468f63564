import * as v from 'valibot';

/** The longest quiet spell a site's setting allows, and more: a reply past it is not believed. */
const MAX_QUIET_SECONDS = 3600;

/**
 * The background's answer to `talk-start` (a WebRTC call started in this frame with conversation
 * signals on): whether the talk script is now in the frame, and, when the frame's site keeps its
 * line open between calls (the rep's setting or the catalog's), the quiet spell that ends a
 * conversation. The background decides it: it has the catalog and the settings.
 */
export const talkStartReplySchema = v.strictObject({
  loaded: v.boolean(),
  openLine: v.optional(
    v.strictObject({ quietSeconds: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_QUIET_SECONDS)) }),
  ),
});
export type TalkStartReply = v.InferOutput<typeof talkStartReplySchema>;
