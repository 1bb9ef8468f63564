/**
 * How a breath of a given length is paced. A short one is a single slow breath in and out; a
 * longer one repeats calm breaths with a longer out-breath; from a minute on it is cyclic
 * sighing: a deep breath in, a short top-up, a long slow breath out.
 */
export type BreathCue = 'in' | 'top-up' | 'out';
export type BreathStyle = 'single' | 'calm' | 'sigh';

export interface BreathPattern {
  style: BreathStyle;
  cycles: number;
  cycleSeconds: number;
  /** Fractions of a cycle, in order, summing to 1. */
  phases: readonly { cue: BreathCue; share: number }[];
}

const SINGLE = [
  { cue: 'in', share: 0.5 },
  { cue: 'out', share: 0.5 },
] as const;
const CALM = [
  { cue: 'in', share: 0.4 },
  { cue: 'out', share: 0.6 },
] as const;
const SIGH = [
  { cue: 'in', share: 0.25 },
  { cue: 'top-up', share: 0.1 },
  { cue: 'out', share: 0.65 },
] as const;

export function breathPattern(seconds: number): BreathPattern {
  if (seconds <= 10) return { style: 'single', cycles: 1, cycleSeconds: seconds, phases: SINGLE };
  const [style, phases, cycle] = seconds >= 60 ? (['sigh', SIGH, 10] as const) : (['calm', CALM, 6] as const);
  const cycles = Math.max(1, Math.round(seconds / cycle));
  return { style, cycles, cycleSeconds: seconds / cycles, phases };
}

/** The cue at `elapsed` seconds into the breath. */
export function cueAt(pattern: BreathPattern, elapsed: number): BreathCue {
  // At its very end a breath is still breathing out, not starting the next cycle.
  if (elapsed >= pattern.cycles * pattern.cycleSeconds) return 'out';
  const within = (elapsed % pattern.cycleSeconds) / pattern.cycleSeconds;
  let edge = 0;
  for (const phase of pattern.phases) {
    edge += phase.share;
    if (within < edge) return phase.cue;
  }
  return 'out';
}
