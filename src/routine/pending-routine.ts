import { sessionSlot } from '../platform/session-store';

/** Set by the background when the rep asks for a reset from a nudge; read by the popup on open. */
export interface PendingRoutine {
  kind: 'after-call';
  callKey: string;
  requestedAt: number;
}

export const pendingRoutineSlot = () => sessionSlot<PendingRoutine>('pendingRoutine');
