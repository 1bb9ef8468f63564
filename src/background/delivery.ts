import type { SessionSlot } from '../platform/session-store';
import type { PendingRoutine } from '../routine/pending-routine';
import type { NudgeRequest } from './nudge-flow';
import { openRoutineWindow, showNotification, showToast, toastNudge } from './nudger';

/**
 * How many nudged calls keep the right to be answered from their toast. A toast hides after
 * seconds; only the latest few can still be on screen, and the list lives in storage.session,
 * which every nudge rewrites.
 */
export const ANSWERABLE_NUDGES = 50;

export interface DeliveryDeps {
  nudgedCalls: SessionSlot<Record<string, number>>;
  pendingRoutine: SessionSlot<PendingRoutine>;
  now(): number;
}

/**
 * Delivers a nudge in the style the rep chose. A notification the rep has not (or no longer)
 * allowed falls back to the toast, so a nudge is never lost to a permission.
 */
export function createDelivery(deps: DeliveryDeps) {
  async function toast({ call, settings, escalation, tabIds }: NudgeRequest): Promise<boolean> {
    const tabId = await showToast(toastNudge(call, settings, escalation), tabIds);
    if (tabId === undefined) return false;
    const nudged = Object.entries((await deps.nudgedCalls.read()) ?? {}).filter(([key]) => key !== call.callKey);
    await deps.nudgedCalls.write(
      Object.fromEntries([...nudged.slice(-(ANSWERABLE_NUDGES - 1)), [call.callKey, tabId]]),
    );
    return true;
  }

  return async function deliver(request: NudgeRequest): Promise<boolean> {
    switch (request.settings.delivery) {
      case 'toast':
        return toast(request);
      case 'notification':
        return (await showNotification(request.call, request.escalation)) || toast(request);
      case 'window':
        await deps.pendingRoutine.write({ kind: 'after-call', callKey: request.call.callKey, requestedAt: deps.now() });
        await openRoutineWindow();
        return true;
    }
  };
}
