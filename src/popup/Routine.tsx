import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { rateCall, tagCall } from '../db/calls';
import type { CallRecord, FollowUpRecord, ReboundDb } from '../db/schema';
import { errorText } from '../format/error-text';
import { formatCount } from '../format/figures';
import { t } from '../platform/i18n';
import type { SessionSlot } from '../platform/session-store';
import type { FollowUpForm, RoutineAnswers } from '../routine/answers';
import type { RoutineDraft } from '../routine/draft';
import type { FinishedRoutine } from '../routine/reset-row';
import { type NotePractice, ROUTINES, type RoutineKind, type RoutineStep, stepsFor } from '../routine/routines';
import type { Settings } from '../settings/settings';
import { BeliefStep } from './steps/BeliefStep';
import { BreatheStep } from './steps/BreatheStep';
import { FollowUpStep } from './steps/FollowUpStep';
import { LessonStep } from './steps/LessonStep';
import { NoteStep } from './steps/NoteStep';
import { RateStep } from './steps/RateStep';
import { ReadyStep } from './steps/ReadyStep';
import { ReframeStep } from './steps/ReframeStep';
import { RolePlayStep } from './steps/RolePlayStep';
import { StayCalmStep } from './steps/StayCalmStep';
import { SupportStep } from './steps/SupportStep';
import { ThrowAwayStep } from './steps/ThrowAwayStep';

interface RoutineProps {
  kind: RoutineKind;
  call?: CallRecord;
  db: ReboundDb;
  settings: Settings;
  draftSlot: SessionSlot<RoutineDraft>;
  /** A draft picked up where the rep left it. */
  resume?: RoutineDraft;
  now(): number;
  /** Saves a follow-up about `callId`, or about the routine's call when none is named. */
  saveFollowUp(form: FollowUpForm, dueAt: number, callId?: number): Promise<FollowUpRecord>;
  downloadIcs(followUp: FollowUpRecord): void;
  onFinish(run: FinishedRoutine): Promise<void>;
  /** A rating changes the badge's count of tough calls awaiting a reset. */
  onRated(): void;
  onLeave(): void;
}

function stepsOf(kind: RoutineKind, ids: readonly string[]): RoutineStep[] {
  return ids.flatMap((id) => ROUTINES[kind].find((step) => step.id === id) ?? []);
}

/**
 * Runs a routine's steps in order. Every step can be skipped; Esc leaves. Every change is
 * written to the draft, so a popup closed mid-way loses nothing.
 */
export function Routine(props: RoutineProps) {
  const { kind, call, db, settings, draftSlot, resume, now, onFinish, onRated, onLeave } = props;
  const [steps] = useState<RoutineStep[]>(() =>
    resume ? stepsOf(kind, resume.stepIds) : stepsFor(kind, call?.rating !== undefined),
  );
  const [startedAt] = useState(() => resume?.startedAt ?? now());
  const [index, setIndex] = useState(resume?.index ?? 0);
  const [done, setDone] = useState<string[]>(resume?.done ?? []);
  const [answers, setAnswers] = useState<RoutineAnswers>(resume?.answers ?? {});
  const [finishing, setFinishing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onLeave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onLeave]);

  useEffect(() => heading.current?.focus(), [index]);

  // Layout effect: the write starts in the same task as the keystroke, before a closing popup is gone.
  useLayoutEffect(() => {
    // A five-second breath is not worth offering back.
    if (finishing || kind === 'quick') return;
    const draft: RoutineDraft = {
      kind,
      callKey: call?.callKey,
      startedAt,
      stepIds: steps.map((step) => step.id),
      index,
      done,
      answers,
      savedAt: now(),
    };
    draftSlot.write(draft).catch((failure) => setError(t('popupSaveError', errorText(failure))));
  }, [kind, call, startedAt, steps, index, done, answers, finishing, draftSlot, now]);

  const update = (patch: Partial<RoutineAnswers>) => setAnswers((current) => ({ ...current, ...patch }));

  const finish = (stepsDone: string[]) => {
    setError(null);
    setFinishing(true);
    onFinish({ kind, callId: call?.id, startedAt, completedAt: now(), done: stepsDone, answers }).catch((failure) => {
      setFinishing(false);
      setError(t('popupSaveError', errorText(failure)));
    });
  };

  const advance = (completed: boolean) => {
    const step = steps[index];
    const next = completed && step ? [...done, ...step.practices] : done;
    if (index + 1 < steps.length) {
      setDone(next);
      setIndex(index + 1);
    } else {
      // The list grows only once the save succeeds: a retry after a failed save adds nothing twice.
      finish(next);
    }
  };

  const step = steps[index];
  if (!step) return null;

  const saveRating = async () => {
    if (call && answers.rating) {
      await rateCall(db, call.callKey, answers.rating, now());
      onRated();
    }
    if (call && answers.tags?.length) await tagCall(db, call.callKey, answers.tags);
    advance(true);
  };

  const shared = {
    headingRef: heading,
    answers,
    update,
    onNext: () => advance(true),
    last: index === steps.length - 1,
  };

  return (
    <main class="popup routine" data-routine={kind}>
      <p class="progress">{t('routineStepOf', [formatCount(index + 1), formatCount(steps.length)])}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {step.kind === 'rate' && (
        <RateStep
          {...shared}
          onNext={() => saveRating().catch((failure) => setError(t('popupSaveError', errorText(failure))))}
        />
      )}
      {step.kind === 'breathe' && (
        <BreatheStep
          headingRef={heading}
          seconds={step.breathSeconds ?? settings.breathSeconds}
          onDone={() => advance(true)}
        />
      )}
      {step.kind === 'throw-away' && <ThrowAwayStep {...shared} />}
      {step.kind === 'reframe' && <ReframeStep {...shared} />}
      {step.kind === 'lesson' && <LessonStep {...shared} />}
      {step.kind === 'follow-up' && (
        <FollowUpStep
          {...shared}
          purpose={step.id === 'last-word' ? 'last-word' : 'follow-up'}
          now={now}
          save={props.saveFollowUp}
          downloadIcs={props.downloadIcs}
        />
      )}
      {(step.kind === 'went-quiet-note' || step.kind === 'prep-note') && (
        <NoteStep key={step.id} {...shared} practice={step.id as NotePractice} />
      )}
      {step.kind === 'ready' && <ReadyStep {...shared} whyISell={settings.whyISell} />}
      {step.kind === 'stay-calm' && <StayCalmStep {...shared} />}
      {step.kind === 'support' && <SupportStep {...shared} supportContact={settings.supportContact} />}
      {step.kind === 'role-play' && (
        <RolePlayStep {...shared} db={db} now={now} save={props.saveFollowUp} downloadIcs={props.downloadIcs} />
      )}
      {step.kind === 'belief' && <BeliefStep {...shared} whyISell={settings.whyISell} />}
      <div class="routine-nav">
        <button type="button" class="link" onClick={() => advance(false)}>
          {t('routineSkip')}
        </button>
        <button type="button" class="link" onClick={onLeave}>
          {t('routineLeave')}
        </button>
      </div>
    </main>
  );
}
