import type { CallRating } from '../messages/to-background';
import type { NotePractice } from './routines';

/** What made the call hard, as the rep tags it (stored on the call and the reset). */
export const CALL_TAGS = ['angry-customer', 'rejected', 'price', 'delay', 'went-silent', 'my-mistake'] as const;
export type CallTag = (typeof CALL_TAGS)[number];

/** What the call was really about (the reframe step: not-about-you, understand-why, not-personal). */
export const CAUSES = ['price', 'delay', 'timing', 'competitor', 'their-day', 'something-i-said'] as const;
export type Cause = (typeof CAUSES)[number];

export const MOODS = [1, 2, 3, 4, 5] as const;

/** The stay-calm card, in the order of the next tough moment (shared/docs/practices.md). */
export const STAY_CALM_PARTS = ['acknowledge', 'pause', 'restate', 'propose', 'end-gracefully'] as const;
export type StayCalmPart = (typeof STAY_CALM_PARTS)[number];

/** How the rep answered the support step; both are fine answers. */
export const SUPPORT_ANSWERS = ['talked', 'not-now'] as const;
export type SupportAnswer = (typeof SUPPORT_ANSWERS)[number];

/** The follow-up form as the rep fills it in: local date and time, as the inputs give them. */
export interface FollowUpForm {
  who: string;
  date: string;
  time: string;
  note: string;
}

/** Everything the rep has entered so far in a routine; every field optional (every step skippable). */
export interface RoutineAnswers {
  rating?: CallRating;
  tags?: CallTag[];
  moodBefore?: number;
  /** What sticks from the call: discarded at the end unless `keepStuck`. */
  stuck?: string;
  keepStuck?: boolean;
  thrown?: boolean;
  causes?: Cause[];
  wentWell?: string;
  doDifferently?: string;
  followUp?: FollowUpForm;
  /** Set once the follow-up is saved, so a resumed draft never saves it twice. */
  followUpId?: number;
  moodAfter?: number;
  pipeline?: string;
  whyISell?: string;
  notes?: Partial<Record<NotePractice, string>>;
  stayCalm?: Partial<Record<StayCalmPart, string>>;
  support?: SupportAnswer;
  /** Two lines to yourself, when reaching someone is not for now. */
  supportNote?: string;
  /** The call picked for the role-play: the one that went worst today. */
  worstCallKey?: string;
}
