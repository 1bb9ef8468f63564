/**
 * The routines as data: ordered steps, each keyed by the practice it comes from
 * (shared/docs/practices.md). A step records the practice ids it covers when the rep does it
 * (a step without a practice, rating the call, records its own id).
 */
export type StepKind =
  | 'rate'
  | 'breathe'
  | 'throw-away'
  | 'reframe'
  | 'lesson'
  | 'follow-up'
  | 'ready'
  | 'went-quiet-note'
  | 'prep-note'
  | 'stay-calm'
  | 'support'
  | 'role-play'
  | 'belief';

export interface RoutineStep {
  /** The step's own id: the first practice it comes from, or its name when it has none. */
  id: string;
  kind: StepKind;
  /** What the reset row records when the rep does this step. */
  practices: readonly string[];
  /** A breath of its own length, whatever the rep's breath setting says. */
  breathSeconds?: number;
}

export type RoutineKind = 'quick' | 'after-call' | 'went-quiet' | 'prep' | 'rough-run';

/** The rough run's breath: the 90-second cyclic sighing, the longest the settings offer. */
export const LONG_BREATH_SECONDS = 90;

/** Note steps whose prompt is the practice itself: the rep writes their own words for it. */
export const NOTE_PRACTICES = [
  'ok-with-no',
  'ask-feedback',
  'dont-close',
  'tell-the-truth',
  'ask-the-hard-question',
  'role-play',
] as const;
export type NotePractice = (typeof NOTE_PRACTICES)[number];

const step = (id: string, kind: StepKind, practices: readonly string[] = [id]): RoutineStep => ({
  id,
  kind,
  practices,
});

const RATE = step('rate', 'rate');
const BREATHE = step('breathe-5', 'breathe');
const THROW_AWAY = step('throw-it-away', 'throw-away');
const REFRAME = step('not-about-you', 'reframe', ['not-about-you', 'understand-why', 'not-personal']);
const LESSON = step('learn', 'lesson');
const FOLLOW_UP = step('follow-up', 'follow-up');
const READY = step('positive', 'ready', ['positive', 'belief']);
const LAST_WORD = step('last-word', 'follow-up');
const LONG_BREATH: RoutineStep = { ...BREATHE, breathSeconds: LONG_BREATH_SECONDS };

export const ROUTINES: Record<RoutineKind, readonly RoutineStep[]> = {
  quick: [BREATHE],
  'after-call': [RATE, BREATHE, THROW_AWAY, REFRAME, LESSON, FOLLOW_UP, READY],
  'went-quiet': [
    step('ok-with-no', 'went-quiet-note'),
    step('ask-feedback', 'went-quiet-note'),
    step('dont-close', 'went-quiet-note'),
    LAST_WORD,
  ],
  prep: [
    step('tell-the-truth', 'prep-note'),
    step('ask-the-hard-question', 'prep-note'),
    step('role-play', 'prep-note'),
  ],
  'rough-run': [
    LONG_BREATH,
    step('stay-calm', 'stay-calm'),
    step('support', 'support'),
    step('role-play', 'role-play'),
    step('belief', 'belief', ['belief', 'pipeline']),
  ],
};

export const ROUTINE_KINDS = Object.keys(ROUTINES) as RoutineKind[];

/** The steps to run: a call already rated (from the nudge) skips the rating. */
export function stepsFor(kind: RoutineKind, callRated: boolean): RoutineStep[] {
  return ROUTINES[kind].filter((candidate) => !(candidate.kind === 'rate' && callRated));
}
