import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { OfferedNudge } from '../calls/offered-nudge';
import type { HomeReader, HomeSnapshot, LastCall } from '../db/home-reader';
import { FOLLOW_UPS_SHOWN, followUpsSince, readHomeSnapshot } from '../db/home-snapshot';
import type { CallRecord, FollowUpRecord } from '../db/schema';
import type { DayNumbers } from '../db/today';
import type { WriteFailure } from '../db/write-failure';
import { dialerLabel } from '../dialers/dialer-label';
import { callOriginLabel } from '../format/call-source-label';
import { formatTime } from '../format/date-time';
import { formatDuration } from '../format/duration';
import { errorText } from '../format/error-text';
import { formatCount } from '../format/figures';
import { ratingLabel } from '../format/rating-label';
import { t } from '../platform/i18n';
import type { SessionSlot } from '../platform/session-store';
import type { RoutineDraft } from '../routine/draft';
import type { RoutineKind } from '../routine/routines';
import { DraftCard } from './home/DraftCard';
import { FollowUpList } from './home/FollowUpList';
import { OfferedNudgeCard } from './home/OfferedNudgeCard';
import { TodayNumbers } from './home/TodayNumbers';
import { LaterPart } from './LaterPart';
import { SnoozeControl } from './SnoozeControl';
import { whenIdle } from './when-idle';

/** Parts that show nothing most of the time: loaded once the home is on screen. */
const loadOrganizationAccess = () => import('../ui/OrganizationAccess').then((module) => module.OrganizationAccess);
const loadWidgetOffers = () => import('../options/sites/WidgetOffers').then((module) => module.WidgetOffers);

interface HomeProps {
  reader: HomeReader;
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
  /** What home shows first, when it was read before home was drawn (else home reads it). */
  first?: HomeFirstScreen;
  /** The database's answer after a first screen drawn from the stored snapshot: it wins. */
  confirm?: Promise<HistoryRead>;
  /** Called once the first figures are on screen and the page is idle: what can wait loads from then on. */
  onShown?(): void;
  /** A screen past home is loading (its code, the database). */
  opening?: boolean;
  /** Why the last screen asked for could not open. */
  openFailure?: string | null;
}

/** From this many tough calls in a day the home offers the rough-run routine. */
const ROUGH_RUN_FROM_TOUGH_CALLS = 2;

/** Home's part of the history, or why it could not be read. */
export interface HistoryRead {
  /** Undefined when the history could not be read; `error` says why. */
  snapshot?: HomeSnapshot;
  error?: string;
}

export const readHistory = (snapshot: Promise<HomeSnapshot>): Promise<HistoryRead> =>
  snapshot.then(
    (read) => ({ snapshot: read }),
    (failed) => ({ error: errorText(failed) }),
  );

/** Everything the home screen shows at once, read before it is first drawn. */
export interface HomeFirstScreen extends HistoryRead {
  live: string[];
  failure?: WriteFailure;
  /** The snooze, when it was read with the rest (else the snooze control reads it). */
  snooze?: { until?: number };
}

/**
 * Reads what home shows first, all at once: one transaction for the history's part (last call,
 * today, follow-ups), alongside the live calls and any write failure from extension storage.
 */
export async function readHomeFirstScreen(
  reader: HomeReader,
  liveCallSources: () => Promise<string[]>,
  writeFailure: SessionSlot<WriteFailure>,
  now: number,
): Promise<HomeFirstScreen> {
  const [history, live, failure] = await Promise.all([
    readHistory(readHomeSnapshot(reader, now)),
    liveCallSources().catch(() => []),
    writeFailure.read().catch(() => undefined),
  ]);
  return { ...history, live, failure };
}

export function Home(props: HomeProps) {
  const { reader, writeFailure, retryWrites, onStart, openOptions, now, liveCallSources, draft, followUpActions } =
    props;
  const first = props.first;
  const [failure, setFailure] = useState<WriteFailure | undefined>(first?.failure);
  const readFailure = () => writeFailure.read().then(setFailure, () => undefined);
  const [last, setLast] = useState<LastCall | null | undefined>(first?.snapshot?.last);
  const [error, setError] = useState<string | null>(first?.error ?? null);
  const [today, setToday] = useState<DayNumbers | null>(first?.snapshot?.today ?? null);
  const [live, setLive] = useState<string[]>(first?.live ?? []);
  const [followUps, setFollowUps] = useState<FollowUpRecord[]>(first?.snapshot?.followUps ?? []);
  const [followUpsVersion, setFollowUpsVersion] = useState(0);
  const [shown, setShown] = useState(first !== undefined);

  useEffect(() => {
    if (first) return;
    readHomeFirstScreen(reader, liveCallSources, writeFailure, now()).then((read) => {
      setFailure(read.failure);
      setLive(read.live);
      if (read.error !== undefined) setError(read.error);
      if (read.snapshot) {
        setLast(read.snapshot.last);
        setToday(read.snapshot.today);
        setFollowUps(read.snapshot.followUps);
      }
      setShown(true);
    });
  }, [reader, now, liveCallSources, writeFailure]);

  useEffect(() => {
    let current = true;
    props.confirm?.then((read) => {
      if (!current) return;
      if (read.error !== undefined) setError(read.error);
      if (!read.snapshot) return;
      setLast(read.snapshot.last);
      setToday(read.snapshot.today);
      setFollowUps(read.snapshot.followUps);
    });
    return () => {
      current = false;
    };
  }, [props.confirm]);

  // What can wait starts once the page is idle after home is drawn, so it never holds up that paint.
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!shown) return;
    return whenIdle(() => {
      setSettled(true);
      props.onShown?.();
    });
  }, [shown]);

  // Watched from the first commit; a change between the first read and then is read again.
  useLayoutEffect(() => {
    const refresh = () => void liveCallSources().then(setLive, () => setLive([]));
    const stop = props.watchLiveCalls(refresh);
    if (first) refresh();
    return stop;
  }, [props.watchLiveCalls, liveCallSources]);

  useEffect(() => {
    if (followUpsVersion === 0) return;
    reader
      .openFollowUps(followUpsSince(now()), FOLLOW_UPS_SHOWN)
      .then(setFollowUps, (failure) => setError(errorText(failure)));
  }, [reader, now, followUpsVersion]);

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

  const shownError = error ?? props.openFailure;
  return (
    <main class="popup" aria-busy={props.opening ? 'true' : undefined}>
      <h1 class="brand">Rebound</h1>
      {live.length > 0 && (
        <p class="live" role="status" data-testid="on-a-call">
          {t('popupOnACallIn', live.map(dialerLabel).join(', '))}
        </p>
      )}
      {settled && <LaterPart load={loadOrganizationAccess} />}
      {failure && (
        <div class="error" role="alert">
          <p>{t('popupWriteFailure', [formatCount(failure.waiting), failure.message])}</p>
          <button type="button" class="secondary" onClick={() => retryWrites().finally(readFailure)}>
            {t('popupRetryWrites')}
          </button>
        </div>
      )}
      {shownError && (
        <p class="error" role="alert">
          {t('popupLoadError', shownError)}
        </p>
      )}
      <button type="button" class="primary big" onClick={() => onStart('quick')}>
        {t('popupQuickReset')}
      </button>
      <p class="hint">{t('popupQuickResetHint')}</p>
      {props.offeredNudge && (
        <OfferedNudgeCard
          reader={reader}
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
      <SnoozeControl first={first?.snooze} />
      {settled && <LaterPart load={loadWidgetOffers} />}
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
