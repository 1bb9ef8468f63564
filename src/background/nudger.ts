import type { EndedCall } from '../calls/call';
import { toughCallsAwaitingReset } from '../db/resets';
import type { ReboundDb } from '../db/schema';
import { dialerLabel } from '../dialers/dialer-label';
import { formatDuration } from '../format/duration';
import { formatCount } from '../format/figures';
import type { Escalation } from '../messages/escalation';
import type { Nudge, ToContent } from '../messages/to-content';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { createNotification } from '../platform/notifications';
import type { Settings } from '../settings/settings';
import { type RoughSound, roughSoundOf } from '../talk/rough-sound';
import { startOfDay } from '../time/local-day';

const TOP_FRAME = 0;
const TOAST_SCRIPT = 'toast.js';

export function toastNudge(call: EndedCall, settings: Settings, escalation?: Escalation): Nudge {
  const why = whyAsked(roughSoundOf(call.talk));
  return {
    callKey: call.callKey,
    dialer: dialerLabel(call.source),
    durationMs: call.durationMs,
    hideAfterMs: settings.toastSeconds * 1000,
    ...(escalation ? { escalation } : {}),
    ...(why ? { why } : {}),
  };
}

/** "They talked over you for 1:10": what the nudge says when a call sounded rough. */
export function whyAsked(rough: RoughSound | undefined): string | undefined {
  switch (rough?.kind) {
    case 'talked-over':
      return t('whyTalkedOver', formatDuration(rough.seconds * 1000));
    case 'long-monologue':
      return t('whyLongMonologue', formatDuration(rough.seconds * 1000));
    case 'loud':
      return t('whyLoud', formatCount(rough.moments));
    default:
      return undefined;
  }
}

/** True when a toast listening in the tab's top frame took the message (it answers `{ shown: true }`). */
async function toastTook(tabId: number, message: ToContent): Promise<boolean> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: TOP_FRAME });
    return (reply as { shown?: unknown } | undefined)?.shown === true;
  } catch {
    // No toast listens there yet (or the tab is gone).
    return false;
  }
}

/**
 * Sends the message to the toast in a tab's top frame, loading the toast first when none listens
 * there. The toast is its own script, injected only when a call starts in the tab or there is
 * something to show, so the detector every dialer page carries stays small. A loaded toast keeps
 * listening until the page goes: asking it first spares that page a second injection on the way
 * to the nudge. False when Rebound may not run in that tab (no granted host) or the tab is gone.
 */
async function sendToTop(tabId: number, message: ToContent): Promise<boolean> {
  if (await toastTook(tabId, message)) return true;
  return (await loadToast(tabId)) && toastTook(tabId, message);
}

/**
 * Loads the toast into a tab's top frame (loaded again, it finds itself listening and does
 * nothing more); false when Rebound may not run there.
 */
async function loadToast(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [TOP_FRAME] }, files: [TOAST_SCRIPT] });
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads the toast into the tab a call just started in, so the nudge at its end finds it
 * listening instead of waiting for the script to be injected and compiled. Nothing when the
 * rep's nudges come in a window of their own.
 */
export async function prepareToast(tabId: number, settings: Settings): Promise<void> {
  if (settings.delivery !== 'window') await loadToast(tabId);
}

/** Shows the in-page toast in the first of these tabs that listens; the tab it went to, if any. */
export async function showToast(nudge: Nudge, tabIds: readonly number[]): Promise<number | undefined> {
  for (const tabId of new Set(tabIds)) {
    if (await sendToTop(tabId, { type: 'show-nudge', nudge })) return tabId;
  }
  return undefined;
}

/** The quick-reset shortcut: the breath in the active tab's toast. False when that tab has no Rebound. */
export async function showBreathInActiveTab(settings: Settings): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return undefined;
  const shown = await sendToTop(tab.id, { type: 'start-breath', hideAfterMs: settings.toastSeconds * 1000 });
  return shown ? tab.id : undefined;
}

export const NOTIFICATION_PREFIX = 'rebound-nudge:';
/** A nudge after a run of tough calls: its click opens the rough-run routine instead of the reset. */
export const ROUGH_RUN_NOTIFICATION_PREFIX = 'rebound-rough-run:';
/** Button order in the notification (Chrome only). */
export const NOTIFICATION_BUTTONS = ['reset', 'tough'] as const;

/** The nudge as a system notification; false when the browser would not show it. */
export async function showNotification(call: EndedCall, escalation?: Escalation): Promise<boolean> {
  const length = call.durationMs === undefined ? t('callLengthUnknown') : formatDuration(call.durationMs);
  const meta = t('callMeta', [dialerLabel(call.source), length]);
  const contact = escalation?.contact?.label;
  const prefix = escalation ? ROUGH_RUN_NOTIFICATION_PREFIX : NOTIFICATION_PREFIX;
  const body = escalation
    ? `${t('escalationBody')}${contact ? ` ${t('escalationContact', contact)}` : ''}`
    : t('notificationBody', meta);
  // The same words as the toast's, first: a notification the rep glances at says why it asks.
  const why = whyAsked(roughSoundOf(call.talk));
  const shown = createNotification(`${prefix}${call.callKey}`, {
    title: escalation ? t('escalationTitle', formatCount(escalation.streak)) : t('toastQuestion'),
    message: why ? `${why} ${body}` : body,
    buttons: [escalation ? t('escalationRoughRun') : t('toastReset'), t('ratingTough')],
  });
  return shown.then(
    () => true,
    () => false,
  );
}

/** Badge: today's tough calls that no reset has followed yet. */
export async function refreshBadge(db: ReboundDb, now = Date.now()): Promise<void> {
  const count = await toughCallsAwaitingReset(db, startOfDay(now));
  await browser.action.setBadgeBackgroundColor({ color: '#b4532a' });
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
}

export const POPUP_PATH = 'popup/index.html';

export async function openRoutineWindow(): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL(`${POPUP_PATH}?window=1`),
    type: 'popup',
    width: 400,
    height: 620,
  });
}

/** The popup where the browser lets us open it; otherwise a small window with the same page. */
export async function openRoutine(): Promise<void> {
  try {
    await browser.action.openPopup();
    return;
  } catch {
    // Firefox (no user gesture here) and Chrome without a focused normal window refuse.
  }
  await openRoutineWindow();
}
