import type { EndedCall } from '../calls/call';
import { MANUAL_SOURCE } from '../calls/manual-call';
import { familyOfCall } from '../dialers/catalog';
import type { CallRating } from '../messages/to-background';
import type { WorkingHours } from '../settings/nudge-settings';
import type { Settings } from '../settings/settings';
import { type RoughSound, roughSoundOf } from '../talk/rough-sound';
import { localClock } from '../time/local-day';

/** What the policy knows about the moment, besides the call and the settings. */
export interface NudgeContext {
  now: number;
  /** Calls live in any tab right now (the ended call no longer counts). */
  liveCalls: number;
  snoozedUntil?: number;
  /** When the last nudge was delivered. */
  lastNudgeAt?: number;
  /** Calls rated tough in a row, most recent first (see toughStreakOf). */
  toughStreak: number;
}

export type QuietReason = 'outside-hours' | 'snoozed' | 'cooldown';

export type NudgeDecision =
  | { kind: 'nudge'; escalate: boolean; rough?: RoughSound }
  /** Another call is live: keep the nudge and ask again when the last one ends. */
  | { kind: 'hold' }
  | {
      kind: 'none';
      reason: 'logged-by-hand' | 'too-short' | 'skipped-outcome' | 'meetings-off' | 'stale' | QuietReason | LateReason;
    };

/** Why figures that came after their call's end bring no nudge. */
export type LateReason = 'already-decided' | 'figures-too-late' | 'answered' | 'next-call';

/** A held nudge older than this is no longer about "the call that just ended". */
export const HELD_NUDGE_MAX_AGE_MS = 2 * 60 * 60 * 1000;

/**
 * Whether an ended call deserves a nudge now. The call's own rules come first (a call that
 * never deserves one is not held); a live call holds it; then the rep's quiet rules. A run of
 * tough calls gets through the cooldown (not hours or a snooze: the rep asked for those).
 * A call whose length is unknown (its start was never seen) is given the benefit of the doubt.
 * Meetings follow their own switch and minimum length instead of the call minimum.
 * A call the rep logged by hand is never nudged: the rep is already in the popup with it.
 * A call that sounded rough is asked about even when it was short.
 */
export function decideNudge(call: EndedCall, settings: Settings, context: NudgeContext): NudgeDecision {
  if (call.source === MANUAL_SOURCE) return { kind: 'none', reason: 'logged-by-hand' };
  if (settings.skipOutcomes.includes(call.outcome)) return { kind: 'none', reason: 'skipped-outcome' };
  const meeting = familyOfCall(call.source, call.host)?.group === 'meetings';
  if (meeting && !settings.meetingNudges.enabled) return { kind: 'none', reason: 'meetings-off' };
  const rough = roughSoundOf(call.talk);
  const minimumMs = meeting ? settings.meetingNudges.minMinutes * 60_000 : settings.minCallSeconds * 1000;
  if (!rough && call.durationMs !== undefined && call.durationMs < minimumMs) {
    return { kind: 'none', reason: 'too-short' };
  }
  if (context.liveCalls > 0) return { kind: 'hold' };
  if (!withinWorkingHours(settings.workingHours, context.now)) return { kind: 'none', reason: 'outside-hours' };
  if (context.snoozedUntil !== undefined && context.now < context.snoozedUntil) {
    return { kind: 'none', reason: 'snoozed' };
  }
  const escalate = escalates(context.toughStreak, settings);
  const cooling =
    context.lastNudgeAt !== undefined && context.now - context.lastNudgeAt < settings.cooldownMinutes * 60_000;
  if (cooling && !escalate) return { kind: 'none', reason: 'cooldown' };
  return rough ? { kind: 'nudge', escalate, rough } : { kind: 'nudge', escalate };
}

/** A held nudge, asked again once no call is live: same rules, unless it has gone stale. */
export function decideHeldNudge(call: EndedCall, settings: Settings, context: NudgeContext): NudgeDecision {
  if (context.now - call.endedAt > HELD_NUDGE_MAX_AGE_MS) return { kind: 'none', reason: 'stale' };
  return decideNudge(call, settings, context);
}

/**
 * Figures that reach a call this long after its end can still bring its nudge: the WebRTC
 * connection often closes a moment after the dialer said the call ended. Later than this, the
 * rep has moved on and a nudge would be about the wrong moment.
 */
export const LATE_FIGURES_WINDOW_MS = 15_000;

/** What happened to a call between its end and the moment its figures arrived. */
export interface LateFigures {
  /** The policy's answer at the call's end, without figures: only a call skipped as short is asked again. */
  atEnd: NudgeDecision;
  /** The rep rated the call or ran a reset for it already. */
  answered: boolean;
  /** A call started (or ended) after this one ended. */
  nextCallStarted: boolean;
}

/** A call the policy skipped at its end only for being short, with no figures yet: kept for its late figures. */
export function awaitsLateFigures(call: EndedCall, atEnd: NudgeDecision): boolean {
  return call.talk === undefined && atEnd.kind === 'none' && atEnd.reason === 'too-short';
}

/**
 * The call's figures arrived after its end (`call` carries them now). A call skipped only for
 * being short is asked again, once, with them: a short call that sounded rough is nudged then.
 * A call already nudged, held or quietly skipped is never asked about twice, and neither is one
 * the rep already answered, or one another call has followed.
 */
export function decideLateNudge(
  call: EndedCall,
  settings: Settings,
  context: NudgeContext,
  late: LateFigures,
): NudgeDecision {
  if (late.atEnd.kind !== 'none' || late.atEnd.reason !== 'too-short') {
    return { kind: 'none', reason: 'already-decided' };
  }
  if (context.now - call.endedAt > LATE_FIGURES_WINDOW_MS) return { kind: 'none', reason: 'figures-too-late' };
  if (late.answered) return { kind: 'none', reason: 'answered' };
  if (late.nextCallStarted || context.liveCalls > 0) return { kind: 'none', reason: 'next-call' };
  return decideNudge(call, settings, context);
}

/** Inside the rep's hours. Hours that end before they start run past midnight, counted for the day they began. */
export function withinWorkingHours(hours: WorkingHours, now: number): boolean {
  if (!hours.enabled) return true;
  const { day, minute } = localClock(now);
  const { startMinute: start, endMinute: end } = hours;
  if (start === end) return hours.days.includes(day);
  if (start < end) return minute >= start && minute < end && hours.days.includes(day);
  if (minute >= start) return hours.days.includes(day);
  return minute < end && hours.days.includes((day + 6) % 7);
}

/** Tough ratings in a row, newest first; unrated calls neither count nor break the run. */
export function toughStreakOf(ratingsNewestFirst: readonly (CallRating | undefined)[]): number {
  let streak = 0;
  for (const rating of ratingsNewestFirst) {
    if (rating === undefined) continue;
    if (rating !== 'tough') break;
    streak++;
  }
  return streak;
}

export function escalates(toughStreak: number, settings: Settings): boolean {
  return settings.toughStreak > 0 && toughStreak >= settings.toughStreak;
}
