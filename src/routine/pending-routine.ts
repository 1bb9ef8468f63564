import { sessionSlot } from '../platform/session-store';

/**
 * Set by the background when the rep asks for a routine from outside the popup (a nudge's
 * Reset, the escalation's longer break, the quick-reset shortcut); read by the popup on open.
 */
export type PendingRoutine =
  | { kind: 'after-call'; callKey: string; requestedAt: number }
  | { kind: 'quick'; requestedAt: number }
  /** From the tough-streak escalation: the call whose nudge offered it. */
  | { kind: 'rough-run'; callKey: string; requestedAt: number };

export const PENDING_ROUTINE_KEY = 'pendingRoutine';
export const pendingRoutineSlot = () => sessionSlot<PendingRoutine>(PENDING_ROUTINE_KEY);
