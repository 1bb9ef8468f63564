import * as v from 'valibot';
import { rateReplySchema } from '../../messages/escalation';
import type { ToBackground } from '../../messages/to-background';
import type { NudgeActions } from './Toast';

type Send = (message: ToBackground) => Promise<unknown>;

/** What the nudge's buttons ask the background for; it checks that this tab was nudged for the call. */
export function nudgeActions(callKey: string, send: Send): NudgeActions {
  return {
    async rate(rating) {
      const reply = v.safeParse(rateReplySchema, await send({ type: 'rate-call', callKey, rating }));
      return reply.success ? reply.output.escalation : undefined;
    },
    reset: () => send({ type: 'open-reset', callKey }),
    roughRun: () => send({ type: 'open-rough-run', callKey }),
    snooze: (choice) => send({ type: 'snooze', callKey, choice }),
  };
}

/** The breath ran to its end: after the nudged call, or alone (the quick-reset shortcut). */
export function breathDone(callKey: string | undefined, send: Send): () => Promise<unknown> {
  return () => send(callKey === undefined ? { type: 'breath-done' } : { type: 'breath-done', callKey });
}
