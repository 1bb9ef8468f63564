import { toughCallsAwaitingReset } from '../db/resets';
import type { ReboundDb } from '../db/schema';
import { dialerLabel } from '../dialers/catalog';
import type { Nudge, ToContent } from '../messages/to-content';
import { browser } from '../platform/browser';
import type { Settings } from '../settings/settings';
import type { EndedCall } from './call-tracker';

const TOP_FRAME = 0;

/** Shows the in-page toast in the call's tab. False when the tab has no listening top frame. */
export async function showToast(call: EndedCall, settings: Settings): Promise<boolean> {
  const nudge: Nudge = {
    callKey: call.callKey,
    dialer: dialerLabel(call.source),
    durationMs: call.durationMs,
    hideAfterMs: settings.toastSeconds * 1000,
  };
  const message: ToContent = { type: 'show-nudge', nudge };
  try {
    await browser.tabs.sendMessage(call.tabId, message, { frameId: TOP_FRAME });
    return true;
  } catch {
    return false;
  }
}

function startOfToday(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Badge: today's tough calls that no reset has followed yet. */
export async function refreshBadge(db: ReboundDb, now = Date.now()): Promise<void> {
  const count = await toughCallsAwaitingReset(db, startOfToday(now));
  await browser.action.setBadgeBackgroundColor({ color: '#b4532a' });
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
}

export const POPUP_PATH = 'popup/index.html';

/** The popup where the browser lets us open it; otherwise a small window with the same page. */
export async function openRoutine(): Promise<void> {
  try {
    await browser.action.openPopup();
    return;
  } catch {
    // Firefox (no user gesture here) and Chrome without a focused normal window refuse.
  }
  await browser.windows.create({
    url: browser.runtime.getURL(`${POPUP_PATH}?window=1`),
    type: 'popup',
    width: 400,
    height: 620,
  });
}
