import { describe, expect, it } from 'vitest';
import type { EndedCall } from '../../src/background/call-tracker';
import { decideNudge, type NudgeDecision } from '../../src/background/nudge-policy';
import type { CallOutcome } from '../../src/messages/call-signal';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';

const call = (outcome: CallOutcome, durationMs: number | undefined): EndedCall => ({
  callKey: 'hubspot:a',
  tabId: 1,
  host: 'app.hubspot.com',
  source: 'hubspot',
  startedAt: durationMs === undefined ? undefined : 1_000,
  endedAt: 1_000 + (durationMs ?? 0),
  durationMs,
  outcome,
  endReason: 'hang-up',
});

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  minCallSeconds: 20,
  skipOutcomes: ['no-answer', 'busy', 'voicemail'],
};
const nudge: NudgeDecision = { nudge: true };
const no = (reason: 'too-short' | 'skipped-outcome' | 'other-call-live'): NudgeDecision => ({ nudge: false, reason });

describe('decideNudge', () => {
  it.each<[string, CallOutcome, number | undefined, number, NudgeDecision]>([
    ['all fine', 'completed', 60_000, 0, nudge],
    ['an unknown outcome is not skipped by default', 'unknown', 60_000, 0, nudge],
    ['exactly at the minimum', 'completed', 20_000, 0, nudge],
    ['1 ms under the minimum', 'completed', 19_999, 0, no('too-short')],
    ['too short', 'completed', 3_000, 0, no('too-short')],
    ['zero length', 'completed', 0, 0, no('too-short')],
    ['unknown duration gets the benefit of the doubt', 'completed', undefined, 0, nudge],
    ['skipped outcome: no-answer', 'no-answer', 60_000, 0, no('skipped-outcome')],
    ['skipped outcome: busy', 'busy', 60_000, 0, no('skipped-outcome')],
    ['skipped outcome: voicemail', 'voicemail', 60_000, 0, no('skipped-outcome')],
    ['another call live', 'completed', 60_000, 1, no('other-call-live')],
    ['several calls live', 'completed', 60_000, 3, no('other-call-live')],
    ['unknown duration with another call live', 'completed', undefined, 1, no('other-call-live')],
    ['skipped outcome wins over too short', 'busy', 1_000, 0, no('skipped-outcome')],
    ['skipped outcome wins over another call live', 'no-answer', 60_000, 2, no('skipped-outcome')],
    ['too short wins over another call live', 'completed', 1_000, 2, no('too-short')],
    ['skipped, too short and another call live', 'voicemail', 1_000, 2, no('skipped-outcome')],
  ])('%s', (_label, outcome, durationMs, liveCalls, expected) => {
    expect(decideNudge(call(outcome, durationMs), settings, liveCalls)).toEqual(expected);
  });

  it.each<[string, Partial<Settings>, CallOutcome, number, NudgeDecision]>([
    ['a minimum of 0 lets a zero-length call through', { minCallSeconds: 0 }, 'completed', 0, nudge],
    ['a higher minimum', { minCallSeconds: 120 }, 'completed', 119_000, no('too-short')],
    ['no skipped outcomes', { skipOutcomes: [] }, 'no-answer', 60_000, nudge],
    ['skipping completed calls', { skipOutcomes: ['completed'] }, 'completed', 60_000, no('skipped-outcome')],
    ['skipping unknown outcomes', { skipOutcomes: ['unknown'] }, 'unknown', 60_000, no('skipped-outcome')],
  ])('follows the settings: %s', (_label, overrides, outcome, durationMs, expected) => {
    expect(decideNudge(call(outcome, durationMs), { ...settings, ...overrides }, 0)).toEqual(expected);
  });
});
