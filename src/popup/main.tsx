import { render } from 'preact';
import { LIVE_CALLS_KEY, liveCallSources, liveCallsSlot } from '../calls/live-calls-state';
import { homeReader } from '../db/home-reader';
import { homeSnapshotSlot } from '../db/home-snapshot';
import type { ReboundDb } from '../db/schema';
import { browserReminders } from '../follow-ups/browser-reminders';
import { downloadFollowUpIcs } from '../follow-ups/ics-download';
import { activeTabHost } from '../platform/active-tab';
import { browser } from '../platform/browser';
import { App } from './App';
import { startPopupBoot } from './boot';

// Dexie and the settings schema are half the popup's script and the home screen needs neither:
// they load once home is on screen (or a tap needs them), from chunks of their own.
let dexie: Promise<ReboundDb> | undefined;
const openDb = (): Promise<ReboundDb> =>
  (dexie ??= import('../db/schema').then(async ({ openReboundDb }) => {
    const db = openReboundDb();
    await db.open();
    return db;
  }));

// First of all: the storage and database reads run while the page sets itself up and renders.
const boot = startPopupBoot({
  storage: browser.storage,
  reader: homeReader(openDb),
  now: Date.now(),
  mark: (name) => performance.mark(name),
  saveSnapshot: (stored) => homeSnapshotSlot().write(stored),
});

const inWindow = new URLSearchParams(location.search).has('window');
document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
if (inWindow) document.documentElement.classList.add('in-window');

const settingsStore = () => import('../settings/settings-store');
const notifyHistoryChanged = () => browser.runtime.sendMessage({ type: 'history-changed' });
const reminders = () => openDb().then((db) => browserReminders(db, undefined, notifyHistoryChanged));

const root = document.getElementById('app');
if (root) {
  render(
    <App
      openDb={openDb}
      reader={boot.reader}
      firstScreen={boot.firstScreen}
      history={boot.history}
      pendingRoutine={boot.pendingRoutine}
      writeFailure={boot.writeFailure}
      pendingFollowUp={boot.pendingFollowUp}
      routineDraft={boot.routineDraft}
      loadSettings={() => settingsStore().then((store) => store.loadSettings())}
      saveWhyISell={async (whyISell) => {
        const { loadSettings, saveSettings } = await settingsStore();
        return saveSettings({ ...(await loadSettings()), whyISell });
      }}
      liveCallSources={() => liveCallSources(liveCallsSlot())}
      watchLiveCalls={(onChange) => {
        const listener = (changes: Record<string, unknown>, area: string) => {
          if (area === 'session' && LIVE_CALLS_KEY in changes) onChange();
        };
        browser.storage.onChanged.addListener(listener);
        return () => browser.storage.onChanged.removeListener(listener);
      }}
      followUps={{
        schedule: async (followUp) => (await reminders()).schedule(followUp),
        done: async (id) => (await reminders()).done(id),
        snooze: async (id) => (await reminders()).snooze(id),
        downloadIcs: (followUp) => downloadFollowUpIcs(followUp, Date.now()),
      }}
      offeredNudge={boot.offeredNudge}
      notifyHistoryChanged={notifyHistoryChanged}
      openOptions={() => void browser.runtime.openOptionsPage()}
      activeTabHost={activeTabHost}
      uniqueId={() => crypto.randomUUID()}
      close={inWindow ? () => window.close() : undefined}
      now={Date.now}
    />,
    root,
  );
}
