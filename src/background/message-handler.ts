import type { Runtime } from 'webextension-polyfill';
import { rateCall, recordEndedCall } from '../db/calls';
import type { ReboundDb } from '../db/schema';
import { parseToBackground, type ToBackground } from '../messages/to-background';
import type { SessionSlot } from '../platform/session-store';
import type { PendingRoutine } from '../routine/pending-routine';
import type { Settings } from '../settings/settings';
import type { EndedCall, TrackerEvent } from './call-tracker';
import type { LiveCalls } from './live-calls';
import { decideNudge } from './nudge-policy';

export interface BackgroundDeps {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  db: ReboundDb;
  liveCalls: LiveCalls;
  /** callKey → tab the nudge was shown in: only that tab may rate the call or ask for its reset. */
  nudgedCalls: SessionSlot<Record<string, number>>;
  pendingRoutine: SessionSlot<PendingRoutine>;
  loadSettings(): Promise<Settings>;
  showToast(call: EndedCall, settings: Settings): Promise<boolean>;
  refreshBadge(): Promise<void>;
  openRoutine(): Promise<void>;
  now(): number;
  onDropped?(reason: string): void;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The background's side of every runtime message, with no browser inside: wiring passes the
 * real APIs in, tests pass fakes. Each message is validated and its sender checked first.
 */
export function createBackground(deps: BackgroundDeps) {
  const dropped = (reason: string): undefined => {
    deps.onDropped?.(reason);
    return undefined;
  };

  /** Writes the calls the tracker ended, then nudges for those the policy allows. */
  async function settle(ended: EndedCall[], liveCount: number): Promise<void> {
    if (ended.length === 0) return;
    const settings = await deps.loadSettings();
    for (const call of ended) {
      await recordEndedCall(deps.db, call);
      await deps.liveCalls.markWritten(call.callKey);
      if (!decideNudge(call, settings, liveCount).nudge) continue;
      if (await deps.showToast(call, settings)) {
        const nudged = (await deps.nudgedCalls.read()) ?? {};
        await deps.nudgedCalls.write({ ...nudged, [call.callKey]: call.tabId });
      }
    }
  }

  async function handleTrackerEvent(event: TrackerEvent): Promise<void> {
    const { ended, liveCount } = await deps.liveCalls.apply(event);
    await settle(ended, liveCount);
  }

  async function nudgedInTab(callKey: string, tabId: number): Promise<boolean> {
    const nudged = (await deps.nudgedCalls.read()) ?? {};
    return nudged[callKey] === tabId;
  }

  async function handleFromTab(message: ToBackground, tabId: number, host: string): Promise<unknown> {
    switch (message.type) {
      case 'call-signal':
        await handleTrackerEvent({ kind: 'signal', tabId, host, signal: message.signal });
        return { ok: true };
      case 'rate-call': {
        if (!(await nudgedInTab(message.callKey, tabId))) return dropped('rate-call for a call not nudged here');
        await rateCall(deps.db, message.callKey, message.rating, deps.now());
        await deps.refreshBadge();
        return { ok: true };
      }
      case 'open-reset': {
        if (!(await nudgedInTab(message.callKey, tabId))) return dropped('open-reset for a call not nudged here');
        await deps.pendingRoutine.write({ kind: 'after-call', callKey: message.callKey, requestedAt: deps.now() });
        await deps.openRoutine();
        return { ok: true };
      }
      case 'history-changed':
        return dropped('history-changed from a web page');
    }
  }

  return {
    handleTrackerEvent,

    /** Writes calls that ended before a service-worker stop cut their write short. */
    async flushUnwritten(): Promise<void> {
      for (const call of await deps.liveCalls.unwritten()) {
        await recordEndedCall(deps.db, call);
        await deps.liveCalls.markWritten(call.callKey);
      }
    },

    onMessage(raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
      const message = parseToBackground(raw);
      if (!message) return dropped('malformed');
      if (sender.id !== deps.extensionId) return dropped('foreign sender');
      const fromExtensionPage = sender.url?.startsWith(deps.extensionOrigin) === true;
      if (fromExtensionPage) {
        if (message.type !== 'history-changed') return dropped(`${message.type} from an extension page`);
        return deps.refreshBadge().then(() => ({ ok: true }));
      }
      const tabId = sender.tab?.id;
      const host = hostOf(sender.tab?.url) ?? hostOf(sender.url);
      if (tabId === undefined || tabId < 0 || host === undefined) return dropped('no tab');
      return handleFromTab(message, tabId, host);
    },
  };
}
