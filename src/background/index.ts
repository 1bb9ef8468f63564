// First, so its two storage reads start before the rest of the worker is evaluated.
import './first-answer-reads';

import type { EndedCall } from '../calls/call';
import { detectorTrailsSlot } from '../calls/detector-trail';
import { LIVE_CALLS_KEY, liveCallsSlot } from '../calls/live-calls-state';
import { offeredNudgeSlot } from '../calls/offered-nudge';
import { callWrites } from '../db/call-writes';
import { ratingsSince, recordEndedCalls } from '../db/calls';
import { historyChangedSlot } from '../db/history-changed';
import { type HomeReader, homeReader } from '../db/home-reader';
import { homeSnapshotSlot, readHomeSnapshot } from '../db/home-snapshot';
import { openReboundDb, SCHEMA_VERSION } from '../db/schema';
import { writeFailureSlot } from '../db/write-failure';
import { makeWidgetOffer } from '../dialers/widget-offers';
import { browserReminders } from '../follow-ups/browser-reminders';
import { pendingFollowUpSlot } from '../follow-ups/pending-follow-up';
import { browser } from '../platform/browser';
import { firstReadSlot, readThroughFirst } from '../platform/first-reads';
import { hostAccess } from '../platform/host-access';
import { localSlot } from '../platform/local-store';
import { answeringWithPromises } from '../platform/promised-answers';
import { sessionSlot } from '../platform/session-store';
import { routineDraftSlot } from '../routine/draft';
import { pendingRoutineSlot } from '../routine/pending-routine';
import { changesSettings, loadSettings as loadSettingsInForce } from '../settings/settings-store';
import { readSnooze, snooze } from '../snooze/snooze-store';
import { afterFirstAnswer } from './after-first-answer';
import { recoverAfterRestart } from './browser-restart';
import { createCommandHandler } from './commands';
import { createDelivery } from './delivery';
import { syncDetectorRegistration } from './detector-registration';
import { droppedMessageCounter } from './dropped-messages';
import { LOCAL_KEYS, localReads, SESSION_KEYS, sessionReads } from './first-answer-reads';
import { homeSnapshotWriter } from './home-snapshot-writer';
import { createShadowKeeper, type LiveCallShadows, SHADOW_ALARM } from './live-call-shadows';
import { LiveCalls } from './live-calls';
import { createBackground } from './message-handler';
import { createNotificationActions } from './notification-actions';
import { createNudgeFlow, type HeldNudge, type ShortCall } from './nudge-flow';
import { NUDGE_OUTCOMES_KEY, nudgeOutcomeRecorder } from './nudge-outcomes';
import { openRoutine, prepareToast, refreshBadge, showBreathInActiveTab } from './nudger';
import { bringDetectorToOpenTabs } from './open-tabs';
import { createRetentionSchedule } from './retention-schedule';
import { settingsCache } from './settings-cache';
import { signalRateLimit } from './signal-rate-limit';
import { createTalkStart, TALK_SCRIPT } from './talk-start';
import { trailRecorder } from './trail-recorder';
import { createUpdateGate, UPDATE_ALARM } from './update-gate';
import { createWelcomeTab } from './welcome-tab';
import { createWidgetOfferFlow } from './widget-offer-flow';

// Failures nobody awaited still reach the console, where the end-to-end tests look for them.
self.addEventListener('unhandledrejection', (event) => console.error('Rebound background:', event.reason));
self.addEventListener('error', (event) => console.error('Rebound background:', event.error ?? event.message));

/** A plain start (no event woke the worker) runs its chores after this long. */
const STARTUP_IDLE_MS = 1000;

const db = openReboundDb();
// A call's end and its nudge need no Dexie (see callWrites): Dexie opens after the first answer.
const callStore = callWrites({ schemaVersion: SCHEMA_VERSION });
const recordCalls = async (calls: readonly EndedCall[]) => {
  if (!(await callStore.record(calls))) await recordEndedCalls(db, calls);
};
const ratingsOfCallsSince = async (since: number) => (await callStore.ratingsSince(since)) ?? ratingsSince(db, since);
const readLocal = readThroughFirst(browser.storage.local, localReads);
const settings = settingsCache(() => loadSettingsInForce(readLocal));
settings.load().catch(() => undefined);
const loadSettings = settings.load;
browser.storage.onChanged.addListener((changes, area) => {
  if (changesSettings(changes, area)) settings.forget();
});
const signalLimit = signalRateLimit();
/** A slot whose reads come from the worker's first read of its area until the key changes. */
const sessionFirst = <T>(key: string) => firstReadSlot(sessionSlot<T>(key), key, sessionReads);
const localFirst = <T>(key: string) => firstReadSlot(localSlot<T>(key), key, localReads);
const nudgedCalls = sessionFirst<Record<string, number>>(SESSION_KEYS.nudgedCalls);
const pendingRoutine = pendingRoutineSlot();
const breathTab = sessionSlot<number>('breathTab');
// Durable, so a nudge held when the browser quits can still be offered after it.
const heldNudge = localFirst<HeldNudge>(LOCAL_KEYS.heldNudge);
const lastNudgeAt = sessionFirst<number>(SESSION_KEYS.lastNudgeAt);
const nudgeFlow = createNudgeFlow({
  db,
  ratingsSince: ratingsOfCallsSince,
  loadSettings,
  heldNudge,
  shortCalls: sessionFirst<Record<string, ShortCall>>(SESSION_KEYS.shortCalls),
  lastNudgeAt,
  readSnooze: () => readSnooze(readLocal),
  deliver: createDelivery({ nudgedCalls, pendingRoutine, now: Date.now }),
  now: Date.now,
  // The end-to-end tests wait on it; a false constant in the store build, which drops it.
  ...(__REBOUND_DEMO__ ? { onDecided: nudgeOutcomeRecorder(sessionSlot(NUDGE_OUTCOMES_KEY)) } : {}),
});
const liveCalls = new LiveCalls(firstReadSlot(liveCallsSlot(), LIVE_CALLS_KEY, sessionReads));
liveCalls.prefetch();
const shadowSlot = localFirst<LiveCallShadows>(LOCAL_KEYS.shadows);
const shadows = createShadowKeeper({ slot: shadowSlot, alarms: browser.alarms, now: Date.now });
const historyChanged = historyChangedSlot();
let snapshotReader: HomeReader | undefined;
const homeSnapshot = homeSnapshotWriter({
  historyChanged,
  snapshot: homeSnapshotSlot(),
  // Opened on the first change, not at start: the way to the worker's first answer stays as it was.
  read: (now) => {
    snapshotReader ??= homeReader(() => db.open());
    return readHomeSnapshot(snapshotReader, now);
  },
  now: Date.now,
});
// Before any call event: the calls the last session was on when the browser stopped are queued.
const ready = recoverAfterRestart({
  sessionMark: sessionFirst<number>(SESSION_KEYS.sessionMark),
  shadows: shadowSlot,
  heldNudge,
  offeredNudge: offeredNudgeSlot(),
  queueUnwritten: (calls) => liveCalls.queueUnwritten(calls),
  now: Date.now,
}).catch((error) => console.error('Rebound background: restart recovery failed:', error));
const updateGate = createUpdateGate({
  updateWaiting: sessionSlot<number>('updateWaiting'),
  liveCount: () => liveCalls.liveCount(),
  routineDraft: routineDraftSlot(),
  lastNudgeAt,
  nudgeShownMs: async () => (await loadSettings()).toastSeconds * 1000,
  retryLater: () => void browser.alarms.create(UPDATE_ALARM, { delayInMinutes: 1 }),
  reload: () => browser.runtime.reload(),
  now: Date.now,
});
const trail = trailRecorder(detectorTrailsSlot(), Date.now);
const background = createBackground({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  db,
  recordCalls,
  liveCalls,
  nudgedCalls,
  pendingRoutine,
  breathTab,
  writeFailure: writeFailureSlot(),
  loadSettings,
  nudgeAfter: nudgeFlow.afterCallsEnded,
  nudgeAfterLateTalk: nudgeFlow.afterLateTalk,
  snooze,
  refreshBadge: () => refreshBadge(db),
  openRoutine,
  now: Date.now,
  signalLimit,
  onDropped: droppedMessageCounter(sessionSlot('droppedMessages')),
  onWidgetFrame: createWidgetOfferFlow({ hasAccess: hostAccess.has, makeOffer: makeWidgetOffer, now: Date.now }),
  ready,
  onLiveCalls: shadows.sync,
  onCallStarted: async (tabId) => prepareToast(tabId, await loadSettings()),
  onQuiet: updateGate.reloadIfQuiet,
  onHistoryChanged: homeSnapshot.change,
  recordTrail: (tabId, host, entry) => trail.record({ tabId, host, entry }),
  onTalkStart: createTalkStart({
    loadSettings,
    inject: (tabId, frameId) =>
      browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [TALK_SCRIPT] }),
  }),
});

const startup = afterFirstAnswer(STARTUP_IDLE_MS);

// Listeners are added synchronously at the top level: a woken service worker only delivers
// events to listeners that exist when its script finishes its first run.
browser.runtime.onMessage.addListener(
  answeringWithPromises((message, sender) => {
    const answer = background.onMessage(message, sender);
    void Promise.resolve(answer).then(startup.answered, startup.answered);
    return answer;
  }),
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
browser.permissions.onAdded.addListener(({ origins = [] }) => {
  void syncDetectorRegistration().then(() => bringDetectorToOpenTabs(origins));
});
browser.permissions.onRemoved.addListener(() => void syncDetectorRegistration());
browser.runtime.onInstalled.addListener(({ reason }) => {
  const registered = syncDetectorRegistration();
  if (reason !== 'install') return;
  void registered.then(() => browser.permissions.getAll()).then(({ origins = [] }) => bringDetectorToOpenTabs(origins));
});

browser.runtime.onUpdateAvailable.addListener(() => void updateGate.onUpdateAvailable());
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === SHADOW_ALARM) void ready.then(() => liveCalls.live()).then(shadows.sync);
  if (alarm.name === UPDATE_ALARM) void updateGate.reloadIfQuiet();
});
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && 'routineDraft' in changes) void updateGate.reloadIfQuiet();
});

startup.later(() => db.open().catch((error) => console.error('Rebound background: the database did not open:', error)));
startup.later(() => void syncDetectorRegistration());
// The calls a browser restart left are queued by `ready`, and written with the rest of the backlog.
startup.later(() => void ready.then(() => background.flushUnwritten()));
startup.later(() => void refreshBadge(db));
startup.later(() => void ready.then(() => updateGate.reloadIfQuiet()));

const notificationActions = createNotificationActions({
  openReset: background.openReset,
  openRoughRun: background.openRoughRun,
  rateTough: (callKey) => background.rate(callKey, 'tough'),
  clear: (id) => browser.notifications.clear(id),
});
const reminders = browserReminders(
  db,
  async (id) => {
    await pendingFollowUpSlot().write({ id, requestedAt: Date.now() });
    await openRoutine();
  },
  homeSnapshot.changed,
);
// Nudges and follow-up reminders share the notifications API; each takes only its own ids.
browser.notifications.onClicked.addListener((id) => {
  void notificationActions.clicked(id);
  void reminders.onNotificationClicked(id);
});
browser.notifications.onButtonClicked?.addListener((id, index) => {
  void notificationActions.buttonClicked(id, index);
  void reminders.onButtonClicked(id, index);
});
browser.alarms.onAlarm.addListener((alarm) => void reminders.onAlarm(alarm.name));
browser.runtime.onStartup.addListener(() => void reminders.restore());
browser.runtime.onInstalled.addListener(() => void reminders.restore());

const onCommand = createCommandHandler({
  async breatheInActiveTab() {
    const tabId = await showBreathInActiveTab(await loadSettings());
    if (tabId === undefined) return false;
    await breathTab.write(tabId);
    return true;
  },
  openPopup: () => pendingRoutine.write({ kind: 'quick', requestedAt: Date.now() }).then(openRoutine),
  markLastCallTough: background.markLastCallTough,
});
browser.commands.onCommand.addListener((command) => void onCommand(command));
// Headless Chromium cannot press browser-level shortcuts, so the end-to-end tests call the very
// handler the listener calls. Only the demo/test flavour has it: the store build drops the branch.
if (__REBOUND_DEMO__) Object.assign(globalThis, { __reboundTestOnlyCommand: onCommand });
startup.later(() => void ready.then(() => liveCalls.liveCount()).then((count) => nudgeFlow.releaseIfIdle(count)));
const welcome = createWelcomeTab({
  welcomedAt: localSlot<number>('welcomedAt'),
  openTab: () => browser.tabs.create({ url: browser.runtime.getURL('onboarding/index.html') }),
  now: Date.now,
});
browser.runtime.onInstalled.addListener(({ reason }) => void welcome.onInstalled(reason));

const retention = createRetentionSchedule({
  db,
  loadSettings,
  alarms: browser.alarms,
  now: Date.now,
  onDeleted: () => Promise.all([refreshBadge(db), homeSnapshot.changed()]).then(() => undefined),
  forgetReminders: reminders.forget,
});
browser.alarms.onAlarm.addListener((alarm) => void retention.onAlarm(alarm));
browser.storage.onChanged.addListener((changes, area) => void retention.onStorageChanged(changes, area));
startup.later(() => void retention.schedule());
