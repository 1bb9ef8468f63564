import type { Settings } from '../settings/settings';
import type { EndedCall } from './call-tracker';

export type NudgeDecision =
  | { nudge: true }
  | { nudge: false; reason: 'too-short' | 'skipped-outcome' | 'other-call-live' };

/**
 * Whether an ended call deserves a nudge. A call whose length is unknown (its start was never
 * seen) is given the benefit of the doubt.
 */
export function decideNudge(call: EndedCall, settings: Settings, liveCalls: number): NudgeDecision {
  if (settings.skipOutcomes.includes(call.outcome)) return { nudge: false, reason: 'skipped-outcome' };
  if (call.durationMs !== undefined && call.durationMs < settings.minCallSeconds * 1000) {
    return { nudge: false, reason: 'too-short' };
  }
  if (liveCalls > 0) return { nudge: false, reason: 'other-call-live' };
  return { nudge: true };
}
