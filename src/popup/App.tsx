import { useLayoutEffect, useState } from 'preact/hooks';
import { type ManualCallInput, manualCall } from '../calls/manual-call';
import type { OfferedNudge } from '../calls/offered-nudge';
import { addFollowUp } from '../db/follow-ups';
import type { HomeReader } from '../db/home-reader';
import type { CallRecord, FollowUpRecord, ReboundDb } from '../db/schema';
import type { WriteFailure } from '../db/write-failure';
import type { PendingFollowUp } from '../follow-ups/pending-follow-up';
import { errorText } from '../format/error-text';
import { t } from '../platform/i18n';
import type { SessionSlot } from '../platform/session-store';
import type { FollowUpForm } from '../routine/answers';
import { DRAFT_FRESH_MS, type RoutineDraft } from '../routine/draft';
import type { PendingRoutine } from '../routine/pending-routine';
import { type FinishedRoutine, resetRow } from '../routine/reset-row';
import type { RoutineKind } from '../routine/routines';
import type { Settings } from '../settings/settings';
import { type HistoryRead, Home, type HomeFirstScreen, readHomeFirstScreen } from './Home';

/** What a follow-up saved in each routine is for. */
const FOLLOW_UP_KINDS: Record<RoutineKind, FollowUpRecord['kind']> = {
  quick: 'after-call',
  'after-call': 'after-call',
  'went-quiet': 'went-quiet',
  prep: 'after-call',
  'rough-run': 'role-play',
};

/** A reset asked for from a nudge is honoured if the popup opens within this time. */
const PENDING_FRESH_MS = 10 * 60 * 1000;

/**
 * The screens past home, in chunks of their own: the first paint needs none of them, and they
 * are fetched as soon as home is on screen, so a tap seldom waits for them.
 */
let routineScreen: Promise<typeof import('./Routine')> | undefined;
let logCallScreen: Promise<typeof import('./manual/LogCallForm')> | undefined;
const loadRoutineScreen = () => (routineScreen ??= import('./Routine'));
const loadLogCallScreen = () => (logCallScreen ??= import('./manual/LogCallForm'));

/** What a routine screen needs beyond home: the database (Dexie), its code and the settings. */
interface RoutineParts {
  db: ReboundDb;
  Routine: typeof import('./Routine')['Routine'];
  settings: Settings;
}

export interface FollowUpActions {
  /** Sets the reminder for a follow-up just saved. */
  schedule(followUp: FollowUpRecord): Promise<void>;
  done(id: number): Promise<void>;
  snooze(id: number): Promise<void>;
  downloadIcs(followUp: FollowUpRecord): void;
}

export interface AppProps {
  /** Dexie, loaded and opened on first call: every write goes through it. */
  openDb(): Promise<ReboundDb>;
  /** The home screen's reads, without Dexie. */
  reader: HomeReader;
  /** Home's first screen, when its reads were started before the app (see boot.ts). */
  firstScreen?: Promise<HomeFirstScreen>;
  /** The database's answer, which the first screen may have come before (see boot.ts). */
  history?: Promise<HistoryRead>;
  pendingRoutine: SessionSlot<PendingRoutine>;
  writeFailure: SessionSlot<WriteFailure>;
  pendingFollowUp: SessionSlot<PendingFollowUp>;
  routineDraft: SessionSlot<RoutineDraft>;
  loadSettings(): Promise<Settings>;
  saveWhyISell(line: string): Promise<unknown>;
  liveCallSources(): Promise<string[]>;
  watchLiveCalls(onChange: () => void): () => void;
  followUps: FollowUpActions;
  notifyHistoryChanged(): Promise<unknown>;
  openOptions(): void;
  /** A nudge held when the browser quit, offered on the home screen. */
  offeredNudge?: SessionSlot<OfferedNudge>;
  /** The host of the tab the rep was looking at, when Rebound may read it. */
  activeTabHost(): Promise<string | undefined>;
  /** A fresh random id: keeps two calls logged by hand apart. */
  uniqueId(): string;
  /** Set when the popup runs in its own window, which closes once the routine is done. */
  close?: () => void;
  now(): number;
}

type View =
  | { name: 'loading' }
  | { name: 'home'; focusFollowUp?: number; first?: HomeFirstScreen; confirm?: Promise<HistoryRead> }
  | { name: 'log-call'; LogCallForm: typeof import('./manual/LogCallForm')['LogCallForm'] }
  | { name: 'routine'; kind: RoutineKind; call?: CallRecord; resume?: RoutineDraft; parts: RoutineParts };

export function App(props: AppProps) {
  const {
    openDb,
    reader,
    pendingRoutine,
    pendingFollowUp,
    routineDraft,
    loadSettings,
    notifyHistoryChanged,
    close,
    now,
  } = props;
  const [view, setView] = useState<View>({ name: 'loading' });
  const [draft, setDraft] = useState<RoutineDraft | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const routineParts = async (): Promise<RoutineParts> => {
    const [db, { Routine }, settings] = await Promise.all([openDb(), loadRoutineScreen(), loadSettings()]);
    return { db, Routine, settings };
  };

  /** Fetched once home is on screen, so the first tap finds them ready. */
  const prefetch = () => {
    Promise.all([openDb(), loadRoutineScreen(), loadLogCallScreen()]).catch(() => undefined);
  };

  // A layout effect runs as the first render commits, not a frame later: the reads start at once.
  useLayoutEffect(() => {
    // Home's reads start with the storage reads, not after them: home is the usual first screen.
    const firstScreen =
      props.firstScreen ?? readHomeFirstScreen(reader, props.liveCallSources, props.writeFailure, now());
    const home = async (focusFollowUp?: number): Promise<View> => ({
      name: 'home',
      focusFollowUp,
      first: await firstScreen,
      confirm: props.history,
    });
    const start = async (): Promise<View> => {
      const [pending, followUp, saved] = await Promise.all([
        pendingRoutine.read(),
        pendingFollowUp.read(),
        routineDraft.read(),
      ]);
      const fresh = saved && now() - saved.savedAt <= DRAFT_FRESH_MS ? saved : undefined;
      setDraft(fresh);
      if (followUp) {
        await pendingFollowUp.clear();
        if (now() - followUp.requestedAt <= PENDING_FRESH_MS) return home(followUp.id);
      }
      if (!pending) return home();
      await pendingRoutine.clear();
      if (now() - pending.requestedAt > PENDING_FRESH_MS) return home();
      if (pending.kind === 'quick') return { name: 'routine', kind: 'quick', parts: await routineParts() };
      const [found, parts] = await Promise.all([reader.callByKey(pending.callKey), routineParts()]);
      const call = found?.call;
      // The rough run is for the rep, not about the one call: it runs even if that call is gone.
      if (!call && pending.kind === 'after-call') return home();
      const resume = fresh?.kind === pending.kind && fresh.callKey === call?.callKey ? fresh : undefined;
      return { name: 'routine', kind: pending.kind, call, resume, parts };
    };
    start().then(setView, () => setView({ name: 'home' }));
  }, [reader, pendingRoutine, pendingFollowUp, routineDraft, now]);

  /** Opens a screen past home once its parts are in; one at a time, and a failure is said. */
  const openScreen = (next: () => Promise<View>) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    next()
      .then(setView, (failed) => setFailure(errorText(failed)))
      .finally(() => setBusy(false));
  };

  const leave = async () => {
    if (close) return close();
    setDraft(await routineDraft.read());
    setView({ name: 'home' });
  };

  const resume = (saved: RoutineDraft) =>
    openScreen(async () => {
      const [found, parts] = await Promise.all([
        saved.callKey ? reader.callByKey(saved.callKey) : undefined,
        routineParts(),
      ]);
      return { name: 'routine', kind: saved.kind, call: found?.call, resume: saved, parts };
    });

  const discardDraft = async () => {
    await routineDraft.clear();
    setDraft(undefined);
  };

  const start = (kind: RoutineKind, call?: CallRecord) =>
    openScreen(async () => ({ name: 'routine', kind, call, parts: await routineParts() }));

  const showLogCall = () =>
    openScreen(async () => ({ name: 'log-call', LogCallForm: (await loadLogCallScreen()).LogCallForm }));

  /** Stores a call logged by hand, then runs the after-call routine for it. */
  const logCall = async (input: ManualCallInput) => {
    const parts = await routineParts();
    const { recordManualCall } = await import('../db/calls');
    const call = await recordManualCall(parts.db, manualCall(input, now(), props.uniqueId()));
    notifyHistoryChanged().catch(() => undefined);
    setView({ name: 'routine', kind: 'after-call', call, parts });
  };

  const logMissedCall = async () => logCall({ missed: true, host: await props.activeTabHost() });

  const saveFollowUp = async (
    db: ReboundDb,
    kind: RoutineKind,
    callId: number | undefined,
    form: FollowUpForm,
    dueAt: number,
  ) => {
    const followUp = await addFollowUp(db, {
      callId,
      who: form.who.trim() || t('followUpUnnamed'),
      dueAt,
      note: form.note.trim() || undefined,
      kind: FOLLOW_UP_KINDS[kind],
    });
    await props.followUps.schedule(followUp);
    return followUp;
  };

  const finish = async ({ db, settings }: RoutineParts, run: FinishedRoutine) => {
    // The line goes first: if it cannot be kept, nothing is recorded and Done can simply be tried again.
    const line = run.answers.whyISell?.trim();
    if (line && !settings.whyISell) await props.saveWhyISell(line);
    const { recordReset } = await import('../db/resets');
    await recordReset(db, resetRow(run));
    await routineDraft.clear();
    setDraft(undefined);
    notifyHistoryChanged().catch(() => undefined);
    await leave();
  };

  switch (view.name) {
    case 'loading':
      return <main class="popup" aria-busy="true" />;
    case 'home':
      return (
        <Home
          reader={reader}
          writeFailure={props.writeFailure}
          retryWrites={notifyHistoryChanged}
          onStart={start}
          onLogCall={showLogCall}
          onMissedCall={logMissedCall}
          openOptions={props.openOptions}
          now={now}
          liveCallSources={props.liveCallSources}
          watchLiveCalls={props.watchLiveCalls}
          draft={draft}
          onResume={() => draft && resume(draft)}
          onDiscardDraft={() => void discardDraft()}
          followUpActions={props.followUps}
          focusFollowUp={view.focusFollowUp}
          first={view.first}
          confirm={view.confirm}
          offeredNudge={props.offeredNudge}
          opening={busy}
          openFailure={failure}
          onShown={prefetch}
        />
      );
    case 'log-call':
      return <view.LogCallForm onLog={logCall} onCancel={() => setView({ name: 'home' })} />;
    case 'routine': {
      const { parts } = view;
      return (
        <parts.Routine
          key={`${view.kind}:${view.call?.id ?? ''}:${view.resume?.startedAt ?? ''}`}
          kind={view.kind}
          call={view.call}
          db={parts.db}
          settings={parts.settings}
          draftSlot={routineDraft}
          resume={view.resume}
          now={now}
          saveFollowUp={(form, dueAt, callId) =>
            saveFollowUp(parts.db, view.kind, callId ?? view.call?.id, form, dueAt)
          }
          downloadIcs={props.followUps.downloadIcs}
          onFinish={(run) => finish(parts, run)}
          onRated={() => notifyHistoryChanged().catch(() => undefined)}
          onLeave={() => void leave()}
        />
      );
    }
  }
}
