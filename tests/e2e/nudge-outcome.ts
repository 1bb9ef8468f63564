import { expect } from 'vitest';
import type { ExtensionSession } from '../../scripts/driver/extension-session';
import type { NudgeOutcome } from '../../src/background/nudge-flow';
import { NUDGE_OUTCOMES_KEY } from '../../src/background/nudge-outcomes';

/** What the worker decided at the end of this call (the demo/test flavour keeps it in storage.session). */
export async function nudgeOutcomeOf(session: ExtensionSession, callKey: string): Promise<NudgeOutcome | undefined> {
  return (await session.sessionValue<Record<string, NudgeOutcome>>(NUDGE_OUTCOMES_KEY))?.[callKey];
}

/**
 * Waits for the worker's decision about this call. Everything that decision's run delivers is
 * delivered before it is kept: with any outcome but 'nudged', no toast is on its way.
 */
export async function expectNudgeOutcome(
  session: ExtensionSession,
  callKey: string | undefined,
  outcome: NudgeOutcome,
): Promise<void> {
  if (callKey === undefined) throw new Error('no call to ask about');
  await expect.poll(() => nudgeOutcomeOf(session, callKey), { timeout: 10_000 }).toBe(outcome);
}
