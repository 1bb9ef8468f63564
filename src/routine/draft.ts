import { sessionSlot } from '../platform/session-store';
import type { RoutineAnswers } from './answers';
import type { RoutineKind } from './routines';

/**
 * A routine in progress, written on every change so that the popup closing mid-way loses
 * nothing: the next open offers to pick it up where the rep left it.
 */
export interface RoutineDraft {
  kind: RoutineKind;
  callKey?: string;
  startedAt: number;
  /** Step ids in the order they run (the rating may have been skipped because the call was rated). */
  stepIds: string[];
  index: number;
  done: string[];
  answers: RoutineAnswers;
  savedAt: number;
}

export const ROUTINE_DRAFT_KEY = 'routineDraft';
export const routineDraftSlot = () => sessionSlot<RoutineDraft>(ROUTINE_DRAFT_KEY);

/** Drafts older than this are stale: the moment has passed. */
export const DRAFT_FRESH_MS = 12 * 60 * 60 * 1000;
