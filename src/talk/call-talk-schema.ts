import * as v from 'valibot';
import { MAX_TIMELINE_SPANS } from './talk-timeline';

/** A day in seconds: no figure of one call is longer. */
const seconds = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 3600));

/**
 * A call's conversation figures and timeline as they cross from the content script to the
 * background and in and out of an export file: checked on receipt like every message.
 */
export const callTalkSchema = v.strictObject({
  figures: v.strictObject({
    heardS: seconds,
    repTalkS: seconds,
    otherTalkS: seconds,
    overtalkS: seconds,
    longestOtherS: seconds,
    longestRepS: seconds,
    silenceS: seconds,
    loudMoments: seconds,
  }),
  timeline: v.pipe(
    v.array(v.tuple([v.picklist([0, 1, 2, 3] as const), v.pipe(seconds, v.minValue(1))])),
    v.maxLength(MAX_TIMELINE_SPANS),
  ),
});
