import type { RefObject } from 'preact';

/** Each step names itself with a heading that takes focus when the step appears. */
export interface StepHeading {
  headingRef: RefObject<HTMLHeadingElement | null>;
}
