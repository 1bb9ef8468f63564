import { useEffect, useState } from 'preact/hooks';
import { type ManualCallInput, manualCall } from '../calls/manual-call';
import type { OfferedNudge } from '../calls/offered-nudge';
import { callByKey, recordManualCall } from '../db/calls';
import { addFollowUp } from '../db/follow-ups';
import { recordReset } from '../db/resets';
import type { CallRecord, FollowUpRecord, ReboundDb } from '../db/schema';
import type { WriteFailure } from '../db/write-failure';
import type { PendingFollowUp } from '../follow-ups/pending-follow-up';
import { t } from '../platform/i18n';
import type { SessionSlot } from '../platform/session-store';
import type { FollowUpForm } from '../routine/answers';
import { DRAFT_FRESH_MS, type RoutineDraft } from '../routine/draft';
import type { PendingRoutine } from '../routine/pending-routine';
import { type FinishedRoutine, resetRow } from '../routine/reset-row';
import type { RoutineKind } from '../routine/routines';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import { Home } from './Home';
import { LogCallForm } from './manual/LogCallForm';
import { Routine } from './Routine';

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

export interface FollowUpActions {
  /** Sets the reminder for a follow-up just saved. */
  schedule(followUp: FollowUpRecord): Promise<void>;
  done(id: number): Promise<void>;
  snooze(id: number): Promise<void>;
  downloadIcs(followUp: FollowUpRecord): void;
}

export interface AppProps {
  db: ReboundDb;
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
  | { name: 'home'; focusFollowUp?: number }
  | { name: 'log-call' }
  | { name: 'routine'; kind: RoutineKind; call?: CallRecord; resume?: RoutineDraft };

export function App(props: AppProps) {
  const { db, pendingRoutine, pendingFollowUp, routineDraft, loadSettings, notifyHistoryChanged, close, now } = props;
  const [view, setView] = useState<View>({ name: 'loading' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [draft, setDraft] = useState<RoutineDraft | undefined>(undefined);

  useEffect(() => {
    const start = async (): Promise<View> => {
      const [loaded, pending, followUp, saved] = await Promise.all([
        loadSettings(),
        pendingRoutine.read(),
        pendingFollowUp.read(),
        routineDraft.read(),
      ]);
      setSettings(loaded);
      const fresh = saved && now() - saved.savedAt <= DRAFT_FRESH_MS ? saved : undefined;
      setDraft(fresh);
      if (followUp) {
        await pendingFollowUp.clear();
        if (now() - followUp.requestedAt <= PENDING_FRESH_MS) return { name: 'home', focusFollowUp: followUp.id };
      }
      if (!pending) return { name: 'home' };
      await pendingRoutine.clear();
      if (now() - pending.requestedAt > PENDING_FRESH_MS) return { name: 'home' };
      if (pending.kind === 'quick') return { name: 'routine', kind: 'quick' };
      const call = await callByKey(db, pending.callKey);
      // The rough run is for the rep, not about the one call: it runs even if that call is gone.
      if (!call && pending.kind === 'after-call') return { name: 'home' };
      const resume = fresh?.kind === pending.kind && fresh.callKey === call?.callKey ? fresh : undefined;
      return { name: 'routine', kind: pending.kind, call, resume };
    };
    start().then(setView, () => setView({ name: 'home' }));
  }, [db, pendingRoutine, pendingFollowUp, routineDraft, loadSettings, now]);

  const leave = async () => {
    if (close) return close();
    setDraft(await routineDraft.read());
    setView({ name: 'home' });
  };

  const resume = async (saved: RoutineDraft) => {
    const call = saved.callKey ? await callByKey(db, saved.callKey) : undefined;
    setView({ name: 'routine', kind: saved.kind, call, resume: saved });
  };

  const discardDraft = async () => {
    await routineDraft.clear();
    setDraft(undefined);
  };

  const start = (kind: RoutineKind, call?: CallRecord) => {
    setView({ name: 'routine', kind, call });
  };

  /** Stores a call logged by hand, then runs the after-call routine for it. */
  const logCall = async (input: ManualCallInput) => {
    const call = await recordManualCall(db, manualCall(input, now(), props.uniqueId()));
    notifyHistoryChanged().catch(() => undefined);
    start('after-call', call);
  };

  const logMissedCall = async () => logCall({ missed: true, host: await props.activeTabHost() });

  const saveFollowUp = async (kind: RoutineKind, callId: number | undefined, form: FollowUpForm, dueAt: number) => {
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

  const finish = async (run: FinishedRoutine) => {
    // The line goes first: if it cannot be kept, nothing is recorded and Done can simply be tried again.
    const line = run.answers.whyISell?.trim();
    if (line && !settings.whyISell) await props.saveWhyISell(line);
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
          db={db}
          writeFailure={props.writeFailure}
          retryWrites={notifyHistoryChanged}
          onStart={start}
          onLogCall={() => setView({ name: 'log-call' })}
          onMissedCall={logMissedCall}
          openOptions={props.openOptions}
          now={now}
          liveCallSources={props.liveCallSources}
          watchLiveCalls={props.watchLiveCalls}
          draft={draft}
          onResume={() => draft && void resume(draft)}
          onDiscardDraft={() => void discardDraft()}
          followUpActions={props.followUps}
          focusFollowUp={view.focusFollowUp}
          offeredNudge={props.offeredNudge}
        />
      );
    case 'log-call':
      return <LogCallForm onLog={logCall} onCancel={() => setView({ name: 'home' })} />;
    case 'routine':
      return (
        <Routine
          key={`${view.kind}:${view.call?.id ?? ''}:${view.resume?.startedAt ?? ''}`}
          kind={view.kind}
          call={view.call}
          db={db}
          settings={settings}
          draftSlot={routineDraft}
          resume={view.resume}
          now={now}
          saveFollowUp={(form, dueAt, callId) => saveFollowUp(view.kind, callId ?? view.call?.id, form, dueAt)}
          downloadIcs={props.followUps.downloadIcs}
          onFinish={finish}
          onRated={() => notifyHistoryChanged().catch(() => undefined)}
          onLeave={() => void leave()}
        />
      );
  }
}
