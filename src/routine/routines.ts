/**
 * The routines as data: ordered steps, each keyed by the practice it comes from
 * (shared/docs/practices.md). A step without a practice (rating the call) records its own id.
 */
export type StepKind = 'rate' | 'breathe' | 'ready';

export interface RoutineStep {
  /** What the reset row records when the rep does this step: the practice id, or the step's own. */
  id: string;
  kind: StepKind;
}

export type RoutineKind = 'quick' | 'after-call';

const RATE: RoutineStep = { id: 'rate', kind: 'rate' };
const BREATHE: RoutineStep = { id: 'breathe-5', kind: 'breathe' };
const READY: RoutineStep = { id: 'positive', kind: 'ready' };

export const ROUTINES: Record<RoutineKind, readonly RoutineStep[]> = {
  quick: [BREATHE],
  'after-call': [RATE, BREATHE, READY],
};

/** The steps to run: a call already rated (from the nudge) skips the rating. */
export function stepsFor(kind: RoutineKind, callRated: boolean): RoutineStep[] {
  return ROUTINES[kind].filter((step) => !(step.kind === 'rate' && callRated));
}
