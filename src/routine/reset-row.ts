import type { ResetRecord } from '../db/schema';
import type { RoutineAnswers } from './answers';
import type { RoutineKind } from './routines';

const text = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const list = <T>(values: T[] | undefined): T[] | undefined => (values?.length ? values : undefined);

/** The entries the rep wrote something in, trimmed; undefined when there are none. */
function written(entries: Partial<Record<string, string>> | undefined): Record<string, string> | undefined {
  const kept = Object.entries(entries ?? {}).flatMap(([key, words]) => {
    const trimmed = text(words);
    return trimmed ? [[key, trimmed]] : [];
  });
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** Drops keys whose value is undefined, so rows hold only what the rep gave. */
function compact<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as T;
}

export interface FinishedRoutine {
  kind: RoutineKind;
  callId?: number;
  startedAt: number;
  completedAt: number;
  done: string[];
  answers: RoutineAnswers;
}

/** The `resets` row for a finished routine. What sticks is kept only when the rep asked. */
export function resetRow({
  kind,
  callId,
  startedAt,
  completedAt,
  done,
  answers,
}: FinishedRoutine): Omit<ResetRecord, 'id'> {
  const support = compact({ answer: answers.support, note: text(answers.supportNote) });
  const lesson = compact({ wentWell: text(answers.wentWell), doDifferently: text(answers.doDifferently) });
  return compact({
    kind,
    callId,
    startedAt,
    completedAt,
    steps: done,
    tags: list(answers.tags),
    moodBefore: answers.moodBefore,
    moodAfter: answers.moodAfter,
    causes: list(answers.causes),
    lesson: Object.keys(lesson).length > 0 ? lesson : undefined,
    thrownAway: answers.keepStuck ? text(answers.stuck) : undefined,
    notes: written(answers.notes),
    pipeline: text(answers.pipeline),
    followUpId: answers.followUpId,
    stayCalm: written(answers.stayCalm),
    support: Object.keys(support).length > 0 ? support : undefined,
  });
}
