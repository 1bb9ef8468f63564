import { sessionSlot } from '../platform/session-store';

/** Set by the background when the rep clicks a follow-up's notification; read by the popup on open. */
export interface PendingFollowUp {
  id: number;
  requestedAt: number;
}

export const PENDING_FOLLOW_UP_KEY = 'pendingFollowUp';
export const pendingFollowUpSlot = () => sessionSlot<PendingFollowUp>(PENDING_FOLLOW_UP_KEY);
