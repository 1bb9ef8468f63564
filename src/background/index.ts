import { openReboundDb } from '../db/schema';
import { writeFailureSlot } from '../db/write-failure';
import { browserReminders } from '../follow-ups/browser-reminders';
import { pendingFollowUpSlot } from '../follow-ups/pending-follow-up';
import { browser, type Runtime } from '../platform/browser';
import { sessionSlot } from '../platform/session-store';
import { pendingRoutineSlot } from '../routine/pending-routine';
import { loadSettings } from '../settings/settings-store';
import { syncDetectorRegistration } from './detector-registration';
import { droppedMessageCounter } from './dropped-messages';
import { LiveCalls } from './live-calls';
import { createBackground } from './message-handler';
import { openRoutine, refreshBadge, showToast } from './nudger';
import { signalRateLimit } from './signal-rate-limit';

// Failures nobody awaited still reach the console, where the end-to-end tests look for them.
self.addEventListener('unhandledrejection', (event) => console.error('Rebound background:', event.reason));
self.addEventListener('error', (event) => console.error('Rebound background:', event.error ?? event.message));

const db = openReboundDb();
const signalLimit = signalRateLimit();
const background = createBackground({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  db,
  liveCalls: new LiveCalls(sessionSlot('liveCalls')),
  nudgedCalls: sessionSlot('nudgedCalls'),
  pendingRoutine: pendingRoutineSlot(),
  writeFailure: writeFailureSlot(),
  loadSettings,
  showToast,
  refreshBadge: () => refreshBadge(db),
  openRoutine,
  now: Date.now,
  signalLimit,
  onDropped: droppedMessageCounter(sessionSlot('droppedMessages')),
});

// Listeners are added synchronously at the top level: a woken service worker only delivers
// events to listeners that exist when its script finishes its first run.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  background.onMessage(message, sender),
);
browser.tabs.onRemoved.addListener((tabId) => {
  signalLimit.forget(tabId);
  void background.handleTrackerEvent({ kind: 'tab-closed', tabId, at: Date.now() });
});
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (!change.url) return;
  let host: string;
  try {
    host = new URL(change.url).host;
  } catch {
    return;
  }
  void background.handleTrackerEvent({ kind: 'tab-navigated', tabId, host, at: Date.now() });
});
browser.permissions.onAdded.addListener(() => void syncDetectorRegistration());
browser.permissions.onRemoved.addListener(() => void syncDetectorRegistration());
browser.runtime.onInstalled.addListener(() => void syncDetectorRegistration());

void syncDetectorRegistration();
void background.flushUnwritten();
void refreshBadge(db);

const reminders = browserReminders(db, async (id) => {
  await pendingFollowUpSlot().write({ id, requestedAt: Date.now() });
  await openRoutine();
});
browser.alarms.onAlarm.addListener((alarm) => void reminders.onAlarm(alarm.name));
browser.notifications.onClicked.addListener((id) => void reminders.onNotificationClicked(id));
browser.notifications.onButtonClicked?.addListener((id, index) => void reminders.onButtonClicked(id, index));
browser.runtime.onStartup.addListener(() => void reminders.restore());
browser.runtime.onInstalled.addListener(() => void reminders.restore());
browser.commands.onCommand.addListener((command) => {
  if (command !== 'quick-reset') return;
  void pendingRoutineSlot().write({ kind: 'quick', requestedAt: Date.now() }).then(openRoutine);
});
