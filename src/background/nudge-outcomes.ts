import type { SessionSlot } from '../platform/session-store';
import type { NudgeOutcome } from './nudge-flow';

/** Where the demo/test flavour keeps them, in storage.session: the end-to-end driver reads it. */
export const NUDGE_OUTCOMES_KEY = 'nudgeOutcomes';
/** The latest calls' outcomes only: a test asks about the calls it just made. */
export const KEPT_NUDGE_OUTCOMES = 20;

/**
 * Keeps what the nudge flow decided for each ended call, so an end-to-end test that expects no
 * nudge waits for the decision instead of waiting a while for a toast that never comes. Only the
 * demo/test flavour wires it (src/background/index.ts): the store build writes nothing of it.
 */
export function nudgeOutcomeRecorder(slot: SessionSlot<Record<string, NudgeOutcome>>) {
  return async (outcomes: Record<string, NudgeOutcome>): Promise<void> => {
    const earlier = Object.entries((await slot.read()) ?? {}).filter(([callKey]) => !(callKey in outcomes));
    await slot.write(Object.fromEntries([...earlier, ...Object.entries(outcomes)].slice(-KEPT_NUDGE_OUTCOMES)));
  };
}
