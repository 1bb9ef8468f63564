import { useEffect, useRef, useState } from 'preact/hooks';
import { rateCall } from '../db/calls';
import type { CallRecord, ReboundDb } from '../db/schema';
import { errorText } from '../format/error-text';
import type { CallRating } from '../messages/to-background';
import { t } from '../platform/i18n';
import { type RoutineKind, type RoutineStep, stepsFor } from '../routine/routines';
import type { Settings } from '../settings/settings';
import { BreatheStep } from './steps/BreatheStep';
import { RateStep } from './steps/RateStep';
import { ReadyStep } from './steps/ReadyStep';

interface RoutineProps {
  kind: RoutineKind;
  call?: CallRecord;
  db: ReboundDb;
  settings: Settings;
  now(): number;
  onFinish(startedAt: number, stepsDone: string[]): Promise<void>;
  /** A rating changes the badge's count of tough calls awaiting a reset. */
  onRated(): void;
  onLeave(): void;
}

/** Runs a routine's steps in order. Every step can be skipped; Esc leaves. */
export function Routine({ kind, call, db, settings, now, onFinish, onRated, onLeave }: RoutineProps) {
  const [steps] = useState<RoutineStep[]>(() => stepsFor(kind, call?.rating !== undefined));
  const [startedAt] = useState(now);
  const [index, setIndex] = useState(0);
  const [done, setDone] = useState<string[]>([]);
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

  const finish = (stepsDone: string[]) => {
    setError(null);
    onFinish(startedAt, stepsDone).catch((failure) => setError(errorText(failure)));
  };

  const advance = (completed: boolean) => {
    const step = steps[index];
    const next = completed && step ? [...done, step.id] : done;
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

  const rate = async (rating: CallRating) => {
    if (call) {
      await rateCall(db, call.callKey, rating, now());
      onRated();
    }
    advance(true);
  };

  return (
    <main class="popup routine" data-routine={kind}>
      <p class="progress">{t('routineStepOf', [String(index + 1), String(steps.length)])}</p>
      {error && (
        <p class="error" role="alert">
          {t('popupSaveError', error)}
        </p>
      )}
      {step.kind === 'rate' && (
        <RateStep
          headingRef={heading}
          onRate={(rating) => rate(rating).catch((failure) => setError(errorText(failure)))}
        />
      )}
      {step.kind === 'breathe' && (
        <BreatheStep headingRef={heading} seconds={settings.breathSeconds} onDone={() => advance(true)} />
      )}
      {step.kind === 'ready' && <ReadyStep headingRef={heading} onDone={() => advance(true)} />}
      <div class="routine-nav">
        {step.kind !== 'ready' && (
          <button type="button" class="link" onClick={() => advance(false)}>
            {t('routineSkip')}
          </button>
        )}
        <button type="button" class="link" onClick={onLeave}>
          {t('routineLeave')}
        </button>
      </div>
    </main>
  );
}
