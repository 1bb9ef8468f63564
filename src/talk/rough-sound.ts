import type { CallTalk } from './conversation-figures';

/*
 * When a call "sounds rough": the thresholds the nudge policy (background/nudge-policy.ts) asks
 * with, and Insights groups by. Pure; table-tested with the policy.
 */

/** Why a call sounded rough, in what the rep would recognise: shown on the nudge, never a grade. */
export type RoughSound =
  | { kind: 'talked-over'; seconds: number }
  | { kind: 'long-monologue'; seconds: number }
  | { kind: 'loud'; moments: number };

/** Talking over each other this long, in all… */
export const ROUGH_OVERTALK_S = 30;
/** …or this long when it is also a good part of the talking (a short call can be rough). */
export const ROUGH_OVERTALK_SHORT_S = 8;
export const ROUGH_OVERTALK_SHARE = 0.3;
/** The other side holding the floor this long without the rep getting a word in. */
export const ROUGH_MONOLOGUE_S = 90;
/** Moments where the other side was well above its own usual level. */
export const ROUGH_LOUD_MOMENTS = 3;

/** What made the call sound rough, the strongest sign first; undefined when nothing did or it has no figures. */
export function roughSoundOf(talk: CallTalk | undefined): RoughSound | undefined {
  if (!talk) return undefined;
  const f = talk.figures;
  const talking = f.repTalkS + f.otherTalkS - f.overtalkS;
  const overtalkShare = talking > 0 ? f.overtalkS / talking : 0;
  if (
    f.overtalkS >= ROUGH_OVERTALK_S ||
    (f.overtalkS >= ROUGH_OVERTALK_SHORT_S && overtalkShare >= ROUGH_OVERTALK_SHARE)
  ) {
    return { kind: 'talked-over', seconds: f.overtalkS };
  }
  if (f.longestOtherS >= ROUGH_MONOLOGUE_S) return { kind: 'long-monologue', seconds: f.longestOtherS };
  if (f.loudMoments >= ROUGH_LOUD_MOMENTS) return { kind: 'loud', moments: f.loudMoments };
  return undefined;
}
