import type { RefObject } from 'preact';
import type { RoutineAnswers } from '../../routine/answers';

/** Each step names itself with a heading that takes focus when the step appears. */
export interface StepHeading {
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** A step that reads and adds to the routine's answers, then moves on. */
export interface AnswerStepProps extends StepHeading {
  answers: RoutineAnswers;
  update(patch: Partial<RoutineAnswers>): void;
  onNext(): void;
  /** The routine's last step: moving on finishes it. */
  last: boolean;
}
