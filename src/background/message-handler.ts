import type { Runtime } from 'webextension-polyfill';
import type { EndedCall, LiveCall } from '../calls/call';
import type { TrailEntry } from '../calls/detector-trail';
import { addLateTalk, callByKey, latestCall, rateCall, recordEndedCalls } from '../db/calls';
import { recordReset } from '../db/resets';
import type { ReboundDb } from '../db/schema';
import type { WriteFailure } from '../db/write-failure';
import { errorText } from '../format/error-text';
import type { Escalation } from '../messages/escalation';
import type { TalkStartReply } from '../messages/talk-start';
import { type CallRating, parseToBackground, type ToBackground } from '../messages/to-background';
import type { SessionSlot } from '../platform/session-store';
import type { PendingRoutine } from '../routine/pending-routine';
import { QUICK_BREATH_SECONDS } from '../routine/quick-breath';
import type { Settings } from '../settings/settings';
import type { SnoozeChoice } from '../snooze/snooze';
import { type TrackerEvent, WEBRTC_SOURCE } from './call-tracker';
import { familyOfFrame } from './frame-family';
import type { HistoryChange } from './home-snapshot-writer';
import type { LiveCalls } from './live-calls';
import { escalationFor, type LateTalk, toughStreakToday } from './nudge-flow';
import type { RateLimit } from './signal-rate-limit';

export interface BackgroundDeps {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  db: ReboundDb;
  /**
   * Writes ended calls as recordEndedCalls does (each once, all or none); by default through
   * Dexie. The worker writes them straight on IndexedDB (db/call-writes.ts), so a cold worker's
   * first answer waits for no Dexie open.
   */
  recordCalls?(calls: readonly EndedCall[]): Promise<void>;
  liveCalls: LiveCalls;
  /** callKey → tab the nudge was shown in: only that tab may rate the call or ask for its reset. */
  nudgedCalls: SessionSlot<Record<string, number>>;
  pendingRoutine: SessionSlot<PendingRoutine>;
  writeFailure: SessionSlot<WriteFailure>;
  /** The tab the quick-reset shortcut opened a breath in: only it may record that breath. */
  breathTab: SessionSlot<number>;
  loadSettings(): Promise<Settings>;
  /**
   * Asks the policy about calls that just ended and delivers (or holds) their nudge once
   * `written` says they are in the database; nothing when it says they are not.
   */
  nudgeAfter(ended: EndedCall[], liveCount: number, written: Promise<boolean>): Promise<void>;
  /** Asks again about calls whose figures came after their end, once they are on the calls' rows. */
  nudgeAfterLateTalk?(late: LateTalk[], liveCount: number): Promise<void>;
  snooze(choice: SnoozeChoice, now: number): Promise<unknown>;
  refreshBadge(): Promise<void>;
  openRoutine(): Promise<void>;
  now(): number;
  /** Call signals beyond this per-tab budget are dropped. */
  signalLimit?: RateLimit;
  onDropped?(reason: string): void;
  /** A widget dialer's frame reported the page it lives in (see widget-offer-flow). */
  onWidgetFrame?(family: string, pageOrigin: string, frameUrl: string): Promise<'refused' | string>;
  /** A call just started in this tab (its nudge will come there): off the path of any answer. */
  onCallStarted?(tabId: number): Promise<void>;
  /** Settles before the first tracker event: the calls a browser restart left are queued first. */
  ready?: Promise<unknown>;
  /** After every tracker event, with the calls live now: their durable shadows. */
  onLiveCalls?(live: LiveCall[]): Promise<void>;
  /** After an event left no call live and its calls are settled: a waiting update may go ahead. */
  onQuiet?(): Promise<unknown>;
  /**
   * Calls or resets were written: the `historyChanged` stamp moves on (open History and Insights
   * pages refresh, no popup believes the home snapshot from before), then the snapshot is read again.
   */
  onHistoryChanged?(): HistoryChange;
  /** A WebRTC call started in a frame with conversation signals on (see talk-start.ts). */
  onTalkStart?(tabId: number, frameId: number, frameUrl: string | undefined): Promise<TalkStartReply>;
  /** Keeps what the detector in each tab saw (adapters, signal kinds, drops) for "Missed a call". */
  recordTrail?(tabId: number, host: string, entry: TrailEntry): void;
}

const logError = (error: unknown) => console.error('Rebound background:', error);

/** The tab and frame a content script's message came from. */
interface FromTab {
  tabId: number;
  host: string;
  frameId: number;
  /** The catalog family whose app the frame is on, as the browser reports the frame. */
  frameFamily?: string;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

function tabOf(sender: Runtime.MessageSender): FromTab | undefined {
  const tabId = sender.tab?.id;
  const host = hostOf(sender.tab?.url) ?? hostOf(sender.url);
  if (tabId === undefined || tabId < 0 || host === undefined) return undefined;
  const frameFamily = familyOfFrame(sender);
  return { tabId, host, frameId: sender.frameId ?? 0, ...(frameFamily ? { frameFamily } : {}) };
}

/**
 * The background's side of every runtime message, with no browser inside: wiring passes the
 * real APIs in, tests pass fakes. Each message is validated and its sender checked first.
 */
export function createBackground(deps: BackgroundDeps) {
  const dropped = (reason: string, from?: FromTab): undefined => {
    deps.onDropped?.(reason);
    if (from) deps.recordTrail?.(from.tabId, from.host, droppedEntry(reason, from.frameId, 1));
    return undefined;
  };

  const droppedEntry = (reason: string, frameId: number, count: number): TrailEntry => ({
    kind: 'dropped',
    at: deps.now(),
    frameId,
    reason,
    count,
  });

  /**
   * Writes every ended call still waiting, in one transaction, so one whose write failed goes in
   * with the next success; a failure is kept in the session for the popup. True when every call
   * that was waiting is now in the database (all or none: it is one transaction).
   */
  async function flushOnce(): Promise<boolean> {
    try {
      const calls = await deps.liveCalls.unwritten();
      if (calls.length > 0) {
        await (deps.recordCalls ? deps.recordCalls(calls) : recordEndedCalls(deps.db, calls));
        // Off the path to the nudge: LiveCalls applies updates in order, so the next flush already
        // sees these calls written; a worker stopped before that writes them again, once by callKey.
        void deps.liveCalls.markWritten(calls.map((call) => call.callKey)).catch(logError);
        // Open pages refreshing can wait a moment, the rep should not.
        void deps.onHistoryChanged?.().refreshed.catch(logError);
      }
      void deps.writeFailure.clear().catch(logError);
      return true;
    } catch (error) {
      const waiting = (await deps.liveCalls.unwritten()).length;
      await deps.writeFailure.write({ message: errorText(error), at: deps.now(), waiting });
      return false;
    }
  }

  /**
   * One flush at a time. A caller arriving during a flush joins the next one, which starts after
   * its call was queued and so covers it. With many dialer tabs ending calls at once, a flush per
   * end, each over the whole queue, made the backlog grow faster than it drained.
   */
  let flushing: Promise<boolean> | undefined;
  let nextFlush: Promise<boolean> | undefined;
  function writeUnwritten(): Promise<boolean> {
    if (!flushing) {
      flushing = flushOnce().finally(() => {
        flushing = undefined;
      });
      return flushing;
    }
    const startNext = () => {
      nextFlush = undefined;
      return writeUnwritten();
    };
    nextFlush ??= flushing.then(startNext, startNext);
    return nextFlush;
  }

  /**
   * Writes the calls the tracker ended (every one, nudged or not) and asks about a nudge while
   * they are written: the policy's reads (settings, snooze, cooldown, the day's ratings) go
   * beside the write instead of after it. The nudge itself waits for the write: a call that is
   * not in the database cannot be rated, so there is none when the write failed.
   */
  async function settle(ended: EndedCall[], liveCount: number): Promise<void> {
    if (ended.length === 0) return;
    // The flush started after these calls were queued, so it covers them.
    const written = writeUnwritten();
    await Promise.all([written, deps.nudgeAfter(ended, liveCount, written)]);
  }

  /**
   * After a write the rep made (a rating, a breath): resolves once no popup can show the history
   * from before it (the stamp has moved on). The badge and the home snapshot follow, after the
   * reply: the rep waits for neither, and a popup opened before the snapshot is back reads the
   * database.
   */
  async function historyMoved(): Promise<void> {
    const change = deps.onHistoryChanged?.();
    void Promise.all([deps.refreshBadge(), change?.refreshed]).catch(logError);
    await change?.stamped;
  }

  /** Rates a call; when that makes a run of tough calls, the escalation the nudge shows. */
  async function rate(callKey: string, rating: CallRating): Promise<Escalation | undefined> {
    const now = deps.now();
    await rateCall(deps.db, callKey, rating, now);
    const moved = historyMoved();
    if (rating !== 'tough') {
      await moved;
      return undefined;
    }
    const [streak, settings] = await Promise.all([toughStreakToday(deps.db, now), deps.loadSettings(), moved]);
    return escalationFor(streak, settings);
  }

  async function openReset(callKey: string): Promise<void> {
    await deps.pendingRoutine.write({ kind: 'after-call', callKey, requestedAt: deps.now() });
    await deps.openRoutine();
  }

  /** The escalation's longer break: the rough-run routine, tied to the call whose nudge offered it. */
  async function openRoughRun(callKey: string): Promise<void> {
    await deps.pendingRoutine.write({ kind: 'rough-run', callKey, requestedAt: deps.now() });
    await deps.openRoutine();
  }

  async function recordToastBreath(callKey: string | undefined): Promise<void> {
    const now = deps.now();
    const call = callKey === undefined ? undefined : await callByKey(deps.db, callKey);
    await recordReset(deps.db, {
      kind: 'quick',
      callId: call?.id,
      startedAt: now - QUICK_BREATH_SECONDS * 1000,
      completedAt: now,
      steps: ['breathe-5'],
    });
    await historyMoved();
  }

  /**
   * Figures that came after their call ended join its row, then the nudge is asked again. A call
   * still waiting for its write took them in the queue; the flush this waits for started after
   * that, so either it writes them, or the call was already written and they are added here.
   */
  async function settleLateTalk(lateTalk: LateTalk[], liveCount: number): Promise<void> {
    if (lateTalk.length === 0) return;
    if (!(await writeUnwritten())) return;
    for (const { callKey, talk } of lateTalk) await addLateTalk(deps.db, callKey, talk);
    void deps.onHistoryChanged?.().refreshed.catch(logError);
    await deps.nudgeAfterLateTalk?.(lateTalk, liveCount);
  }

  async function handleTrackerEvent(event: TrackerEvent): Promise<void> {
    await deps.ready;
    const { ended, liveCount, live, started, lateTalk } = await deps.liveCalls.apply(event);
    for (const tabId of new Set(started.map((call) => call.tabId))) void deps.onCallStarted?.(tabId)?.catch(logError);
    // The shadow write runs beside the database write, so the nudge does not wait for it.
    await Promise.all([settle(ended, liveCount), settleLateTalk(lateTalk, liveCount), deps.onLiveCalls?.(live)]);
    if (liveCount === 0) await deps.onQuiet?.();
  }

  async function nudgedInTab(callKey: string, tabId: number): Promise<boolean> {
    const nudged = (await deps.nudgedCalls.read()) ?? {};
    return nudged[callKey] === tabId;
  }

  async function handleFromTab(message: ToBackground, from: FromTab): Promise<unknown> {
    const { tabId, host, frameId } = from;
    switch (message.type) {
      case 'call-signal': {
        if (deps.signalLimit && !deps.signalLimit.allow(tabId, deps.now()))
          return dropped('call-signal over the rate limit', from);
        const { kind, source } = message.signal;
        deps.recordTrail?.(tabId, host, { kind: 'signal', at: deps.now(), frameId, source, signal: kind });
        // The hook is the same on every site: the app it heard the call in says whose call it was.
        const family = source === WEBRTC_SOURCE ? from.frameFamily : undefined;
        await handleTrackerEvent({ kind: 'signal', tabId, host, signal: message.signal, family });
        return { ok: true };
      }
      case 'detector-started':
        deps.recordTrail?.(tabId, host, { kind: 'adapters', at: deps.now(), frameId, adapters: message.adapters });
        return { ok: true };
      case 'detector-dropped':
        deps.recordTrail?.(tabId, host, droppedEntry(message.reason, frameId, message.count));
        return { ok: true };
      case 'rate-call': {
        if (!(await nudgedInTab(message.callKey, tabId))) return dropped('rate-call for a call not nudged here', from);
        const escalation = await rate(message.callKey, message.rating);
        return escalation ? { ok: true, escalation } : { ok: true };
      }
      case 'open-reset': {
        if (!(await nudgedInTab(message.callKey, tabId))) return dropped('open-reset for a call not nudged here', from);
        await openReset(message.callKey);
        return { ok: true };
      }
      case 'open-rough-run': {
        if (!(await nudgedInTab(message.callKey, tabId))) return dropped('open-rough-run for a call not nudged here');
        await openRoughRun(message.callKey);
        return { ok: true };
      }
      case 'history-changed':
        return dropped('history-changed from a web page', from);
      case 'snooze':
        if (!(await nudgedInTab(message.callKey, tabId))) return dropped('snooze for a call not nudged here', from);
        await deps.snooze(message.choice, deps.now());
        return { ok: true };
      case 'widget-frame':
      case 'talk-start':
        return dropped(`${message.type} handled before`);
      case 'breath-done': {
        if (message.callKey !== undefined) {
          if (!(await nudgedInTab(message.callKey, tabId)))
            return dropped('breath-done for a call not nudged here', from);
        } else {
          if ((await deps.breathTab.read()) !== tabId)
            return dropped('breath-done for a breath not asked for here', from);
          await deps.breathTab.clear();
        }
        await recordToastBreath(message.callKey);
        return { ok: true };
      }
    }
  }

  return {
    handleTrackerEvent,
    rate,
    openReset,
    openRoughRun,

    /** The "mark the last call tough" shortcut. False when there is no call yet. */
    async markLastCallTough(): Promise<boolean> {
      const call = await latestCall(deps.db);
      if (!call) return false;
      await rate(call.callKey, 'tough');
      return true;
    },

    /** Writes calls whose write a service-worker stop or a database failure cut short. */
    async flushUnwritten(): Promise<void> {
      await writeUnwritten();
    },

    onMessage(raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
      const message = parseToBackground(raw);
      const fromExtensionPage = sender.url?.startsWith(deps.extensionOrigin) === true;
      // Only Rebound's own content scripts have a trail: a page of the extension or a stranger has none.
      const fromTab = sender.id === deps.extensionId && !fromExtensionPage ? tabOf(sender) : undefined;
      if (!message) return dropped('malformed', fromTab);
      if (sender.id !== deps.extensionId) return dropped('foreign sender');
      if (fromExtensionPage) {
        if (message.type !== 'history-changed') return dropped(`${message.type} from an extension page`);
        // Options waits for the snapshot too: it says an import or a delete is done only then.
        return writeUnwritten()
          .then(() => Promise.all([deps.refreshBadge(), deps.onHistoryChanged?.().refreshed]))
          .then(() => ({ ok: true }));
      }
      if (!fromTab) return dropped('no tab');
      if (message.type === 'widget-frame') {
        // The frame's URL comes from the browser, not the message: it is what proves the widget.
        if (fromTab.frameId === 0 || !sender.url || !deps.onWidgetFrame) {
          return dropped('widget-frame from a top frame', fromTab);
        }
        return deps
          .onWidgetFrame(message.family, message.pageOrigin, sender.url)
          .then((outcome) => (outcome === 'refused' ? dropped('widget-frame refused', fromTab) : { ok: true }));
      }
      if (message.type === 'talk-start') {
        // The frame's URL comes from the browser, not the message: it is what says which site this is.
        return deps.onTalkStart?.(fromTab.tabId, fromTab.frameId, sender.url) ?? Promise.resolve({ loaded: false });
      }
      return handleFromTab(message, fromTab);
    },
  };
}
