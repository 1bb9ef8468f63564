import { render } from 'preact';
import { LIVE_CALLS_KEY, liveCallSources, liveCallsSlot } from '../calls/live-calls-state';
import { offeredNudgeSlot } from '../calls/offered-nudge';
import { openReboundDb } from '../db/schema';
import { writeFailureSlot } from '../db/write-failure';
import { browserReminders } from '../follow-ups/browser-reminders';
import { downloadFollowUpIcs } from '../follow-ups/ics-download';
import { pendingFollowUpSlot } from '../follow-ups/pending-follow-up';
import { activeTabHost } from '../platform/active-tab';
import { browser } from '../platform/browser';
import { routineDraftSlot } from '../routine/draft';
import { pendingRoutineSlot } from '../routine/pending-routine';
import { loadSettings, saveSettings } from '../settings/settings-store';
import { App } from './App';

const inWindow = new URLSearchParams(location.search).has('window');
document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
if (inWindow) document.documentElement.classList.add('in-window');

const db = openReboundDb();
// Opened now, alongside the storage reads the first view waits for, not after them: the home
// screen's reads (last call, today's roll-up) then find the connection ready.
db.open().catch(() => undefined);
const reminders = browserReminders(db);

const root = document.getElementById('app');
if (root) {
  render(
    <App
      db={db}
      pendingRoutine={pendingRoutineSlot()}
      writeFailure={writeFailureSlot()}
      pendingFollowUp={pendingFollowUpSlot()}
      routineDraft={routineDraftSlot()}
      loadSettings={loadSettings}
      saveWhyISell={async (whyISell) => saveSettings({ ...(await loadSettings()), whyISell })}
      liveCallSources={() => liveCallSources(liveCallsSlot())}
      watchLiveCalls={(onChange) => {
        const listener = (changes: Record<string, unknown>, area: string) => {
          if (area === 'session' && LIVE_CALLS_KEY in changes) onChange();
        };
        browser.storage.onChanged.addListener(listener);
        return () => browser.storage.onChanged.removeListener(listener);
      }}
      followUps={{
        schedule: reminders.schedule,
        done: reminders.done,
        snooze: (id) => reminders.snooze(id),
        downloadIcs: (followUp) => downloadFollowUpIcs(followUp, Date.now()),
      }}
      offeredNudge={offeredNudgeSlot()}
      notifyHistoryChanged={() => browser.runtime.sendMessage({ type: 'history-changed' })}
      openOptions={() => void browser.runtime.openOptionsPage()}
      activeTabHost={activeTabHost}
      uniqueId={() => crypto.randomUUID()}
      close={inWindow ? () => window.close() : undefined}
      now={Date.now}
    />,
    root,
  );
}
