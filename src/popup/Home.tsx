import { useEffect, useRef, useState } from 'preact/hooks';
import type { OfferedNudge } from '../calls/offered-nudge';
import { latestCall } from '../db/calls';
import { openFollowUps } from '../db/follow-ups';
import { resetForCall } from '../db/resets';
import type { CallRecord, FollowUpRecord, ReboundDb } from '../db/schema';
import { type DayNumbers, dayNumbers, startOfDay } from '../db/today';
import type { WriteFailure } from '../db/write-failure';
import { dialerLabel } from '../dialers/dialer-label';
import { callOriginLabel } from '../format/call-source-label';
import { formatTime } from '../format/date-time';
import { formatDuration } from '../format/duration';
import { errorText } from '../format/error-text';
import { formatCount } from '../format/figures';
import { ratingLabel } from '../format/rating-label';
import { WidgetOffers } from '../options/sites/WidgetOffers';
import { t } from '../platform/i18n';
import type { SessionSlot } from '../platform/session-store';
import type { RoutineDraft } from '../routine/draft';
import type { RoutineKind } from '../routine/routines';
import { OrganizationAccess } from '../ui/OrganizationAccess';
import { DraftCard } from './home/DraftCard';
import { FollowUpList } from './home/FollowUpList';
import { OfferedNudgeCard } from './home/OfferedNudgeCard';
import { TodayNumbers } from './home/TodayNumbers';
import { SnoozeControl } from './SnoozeControl';

interface HomeProps {
  db: ReboundDb;
  writeFailure: SessionSlot<WriteFailure>;
  /** Asks the background to write the calls that wait (resolves once it has tried). */
  retryWrites(): Promise<unknown>;
  onStart(kind: RoutineKind, call?: CallRecord): void;
  /** "I just had a call": the form for a call logged by hand. */
  onLogCall(): void;
  /** "Missed a call": records it at once and opens its routine. */
  onMissedCall(): Promise<void>;
  openOptions(): void;
  now(): number;
  /** Sources (dialer ids) of the calls live now. */
  liveCallSources(): Promise<string[]>;
  /** Calls `onChange` whenever the live calls change; returns the unsubscribe. */
  watchLiveCalls(onChange: () => void): () => void;
  /** A routine the popup closed on, offered back. */
  draft?: RoutineDraft;
  onResume(): void;
  onDiscardDraft(): void;
  followUpActions: {
    done(id: number): Promise<void>;
    snooze(id: number): Promise<void>;
    downloadIcs(followUp: FollowUpRecord): void;
  };
  /** The follow-up a notification opened the popup on. */
  focusFollowUp?: number;
  /** A nudge held when the browser quit, asked here instead. */
  offeredNudge?: SessionSlot<OfferedNudge>;
}

/** From this many tough calls in a day the home offers the rough-run routine. */
const ROUGH_RUN_FROM_TOUGH_CALLS = 2;

/** Follow-ups shown: open ones from a week back on, soonest first. */
const FOLLOW_UPS_SINCE_MS = 7 * 24 * 60 * 60 * 1000;
const FOLLOW_UPS_SHOWN = 5;

type LastCall = { call: CallRecord; resetDone: boolean } | null;

export function Home(props: HomeProps) {
  const { db, writeFailure, retryWrites, onStart, openOptions, now, liveCallSources, draft, followUpActions } = props;
  const [failure, setFailure] = useState<WriteFailure | undefined>(undefined);
  const readFailure = () => writeFailure.read().then(setFailure, () => undefined);
  useEffect(() => void readFailure(), []);
  const [last, setLast] = useState<LastCall | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [today, setToday] = useState<DayNumbers | null>(null);
  const [live, setLive] = useState<string[]>([]);
  const [followUps, setFollowUps] = useState<FollowUpRecord[]>([]);
  const [followUpsVersion, setFollowUpsVersion] = useState(0);

  useEffect(() => {
    const load = async (): Promise<LastCall> => {
      const call = await latestCall(db);
      if (!call) return null;
      return { call, resetDone: (await resetForCall(db, call.id)) !== undefined };
    };
    load().then(setLast, (failure) => setError(errorText(failure)));
    dayNumbers(db, startOfDay(now())).then(setToday, (failure) => setError(errorText(failure)));
    liveCallSources().then(setLive, () => setLive([]));
  }, [db, now, liveCallSources]);

  useEffect(
    () => props.watchLiveCalls(() => void liveCallSources().then(setLive, () => setLive([]))),
    [props.watchLiveCalls, liveCallSources],
  );

  useEffect(() => {
    openFollowUps(db, now() - FOLLOW_UPS_SINCE_MS, FOLLOW_UPS_SHOWN).then(setFollowUps, (failure) =>
      setError(errorText(failure)),
    );
  }, [db, now, followUpsVersion]);

  // One tap, one call: a second tap while the first is being saved records nothing more.
  const loggingMissed = useRef(false);
  const logMissedCall = () => {
    if (loggingMissed.current) return;
    loggingMissed.current = true;
    props.onMissedCall().catch((failure) => {
      setError(errorText(failure));
      loggingMissed.current = false;
    });
  };

  const act = (action: Promise<void>) =>
    action.then(
      () => setFollowUpsVersion((version) => version + 1),
      (failure) => setError(errorText(failure)),
    );

  return (
    <main class="popup">
      <h1 class="brand">Rebound</h1>
      {live.length > 0 && (
        <p class="live" role="status" data-testid="on-a-call">
          {t('popupOnACallIn', live.map(dialerLabel).join(', '))}
        </p>
      )}
      <OrganizationAccess />
      {failure && (
        <div class="error" role="alert">
          <p>{t('popupWriteFailure', [formatCount(failure.waiting), failure.message])}</p>
          <button type="button" class="secondary" onClick={() => retryWrites().finally(readFailure)}>
            {t('popupRetryWrites')}
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {t('popupLoadError', error)}
        </p>
      )}
      <button type="button" class="primary big" onClick={() => onStart('quick')}>
        {t('popupQuickReset')}
      </button>
      <p class="hint">{t('popupQuickResetHint')}</p>
      {props.offeredNudge && (
        <OfferedNudgeCard
          db={db}
          offeredNudge={props.offeredNudge}
          onReset={(call) => onStart('after-call', call)}
          now={now}
        />
      )}
      {draft && <DraftCard draft={draft} onResume={props.onResume} onDiscard={props.onDiscardDraft} />}
      {today && today.tough >= ROUGH_RUN_FROM_TOUGH_CALLS && (
        <section class="card rough-run" aria-labelledby="rough-run-heading" data-testid="rough-run-offer">
          <h2 id="rough-run-heading">{t('popupRoughRunHeading', String(today.tough))}</h2>
          <p>{t('popupRoughRunBody')}</p>
          <button type="button" class="primary" onClick={() => onStart('rough-run')}>
            {t('popupRoughRun')}
          </button>
        </section>
      )}
      <div class="more-routines">
        <button type="button" class="secondary" onClick={() => onStart('went-quiet')}>
          {t('popupWentQuiet')}
        </button>
        <button type="button" class="secondary" onClick={() => onStart('prep')}>
          {t('popupPrep')}
        </button>
      </div>
      <section class="card manual-calls" aria-labelledby="manual-calls-heading">
        <h2 id="manual-calls-heading">{t('popupManualHeading')}</h2>
        <div class="more-routines">
          <button type="button" class="secondary" onClick={props.onLogCall}>
            {t('popupLogCall')}
          </button>
          <button type="button" class="secondary" onClick={logMissedCall}>
            {t('popupMissedCall')}
          </button>
        </div>
        <p class="hint">{t('popupManualHint')}</p>
      </section>
      {last === null && <p class="empty">{t('popupNoCalls')}</p>}
      {last && (
        <LastCallCard call={last.call} resetDone={last.resetDone} onReset={() => onStart('after-call', last.call)} />
      )}
      <FollowUpList
        followUps={followUps}
        focusId={props.focusFollowUp}
        now={now()}
        onDone={(followUp) => act(followUpActions.done(followUp.id))}
        onSnooze={(followUp) => act(followUpActions.snooze(followUp.id))}
        onIcs={followUpActions.downloadIcs}
      />
      {today && <TodayNumbers numbers={today} />}
      <SnoozeControl />
      <WidgetOffers />
      <footer class="popup-footer">
        <button type="button" class="link" onClick={openOptions}>
          {t('popupOpenOptions')}
        </button>
      </footer>
    </main>
  );
}

function LastCallCard({ call, resetDone, onReset }: { call: CallRecord; resetDone: boolean; onReset(): void }) {
  const length = call.durationMs === undefined ? t('callLengthUnknown') : formatDuration(call.durationMs);
  const endedAt = formatTime(call.endedAt);
  return (
    <section class="card" aria-labelledby="last-call-heading" data-testid="last-call">
      <h2 id="last-call-heading">{t('popupLastCall')}</h2>
      <p class="meta">{t('callMeta', [callOriginLabel(call), length])}</p>
      <p class="meta">{t('popupEndedAt', endedAt)}</p>
      <p>{call.rating ? t('popupRated', ratingLabel(call.rating)) : t('popupNotRated')}</p>
      {resetDone ? (
        <p class="done">✓ {t('popupResetDone')}</p>
      ) : (
        <button type="button" class="secondary" onClick={onReset}>
          {t('popupResetAfterCall')}
        </button>
      )}
    </section>
  );
}
