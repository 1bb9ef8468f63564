/** The "5-second breath" right in the nudge (practice breathe-5): the same length everywhere. */
export const QUICK_BREATH_SECONDS = 5;
