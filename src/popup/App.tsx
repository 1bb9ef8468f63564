import { useEffect, useState } from 'preact/hooks';
import { callByKey } from '../db/calls';
import { recordReset } from '../db/resets';
import type { CallRecord, ReboundDb } from '../db/schema';
import type { WriteFailure } from '../db/write-failure';
import type { SessionSlot } from '../platform/session-store';
import type { PendingRoutine } from '../routine/pending-routine';
import type { RoutineKind } from '../routine/routines';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import { Home } from './Home';
import { Routine } from './Routine';

/** A reset asked for from a nudge is honoured if the popup opens within this time. */
const PENDING_FRESH_MS = 10 * 60 * 1000;

export interface AppProps {
  db: ReboundDb;
  pendingRoutine: SessionSlot<PendingRoutine>;
  writeFailure: SessionSlot<WriteFailure>;
  loadSettings(): Promise<Settings>;
  notifyHistoryChanged(): Promise<unknown>;
  openOptions(): void;
  /** Set when the popup runs in its own window, which closes once the routine is done. */
  close?: () => void;
  now(): number;
}

type View = { name: 'loading' } | { name: 'home' } | { name: 'routine'; kind: RoutineKind; call?: CallRecord };

export function App({
  db,
  pendingRoutine,
  writeFailure,
  loadSettings,
  notifyHistoryChanged,
  openOptions,
  close,
  now,
}: AppProps) {
  const [view, setView] = useState<View>({ name: 'loading' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);

  useEffect(() => {
    const start = async (): Promise<View> => {
      const [loaded, pending] = await Promise.all([loadSettings(), pendingRoutine.read()]);
      setSettings(loaded);
      if (!pending) return { name: 'home' };
      await pendingRoutine.clear();
      if (now() - pending.requestedAt > PENDING_FRESH_MS) return { name: 'home' };
      const call = await callByKey(db, pending.callKey);
      return call ? { name: 'routine', kind: 'after-call', call } : { name: 'home' };
    };
    start().then(setView, () => setView({ name: 'home' }));
  }, [db, pendingRoutine, loadSettings, now]);

  const leave = () => (close ? close() : setView({ name: 'home' }));

  const finish = async (kind: RoutineKind, call: CallRecord | undefined, startedAt: number, steps: string[]) => {
    await recordReset(db, { kind, callId: call?.id, startedAt, completedAt: now(), steps });
    notifyHistoryChanged().catch(() => undefined);
    leave();
  };

  switch (view.name) {
    case 'loading':
      return <main class="popup" aria-busy="true" />;
    case 'home':
      return (
        <Home
          db={db}
          writeFailure={writeFailure}
          retryWrites={notifyHistoryChanged}
          onStart={(kind, call) => setView({ name: 'routine', kind, call })}
          openOptions={openOptions}
        />
      );
    case 'routine':
      return (
        <Routine
          key={`${view.kind}:${view.call?.id ?? ''}`}
          kind={view.kind}
          call={view.call}
          db={db}
          settings={settings}
          now={now}
          onFinish={(startedAt, steps) => finish(view.kind, view.call, startedAt, steps)}
          onRated={() => notifyHistoryChanged().catch(() => undefined)}
          onLeave={leave}
        />
      );
  }
}
