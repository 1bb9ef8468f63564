import { browser } from '../platform/browser';
import { type SnoozeChoice, snoozeUntil } from './snooze';

const KEY = 'snoozedUntil';

/**
 * The snooze lives in storage.local, not session: "rest of the day" must outlast a browser
 * restart. Written by the background (from the toast) and by the popup.
 */
export async function readSnooze(): Promise<number | undefined> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return typeof stored === 'number' && Number.isFinite(stored) ? stored : undefined;
}

export async function snooze(choice: SnoozeChoice, now: number): Promise<number> {
  const until = snoozeUntil(choice, now);
  await browser.storage.local.set({ [KEY]: until });
  return until;
}

export function endSnooze(): Promise<void> {
  return browser.storage.local.remove(KEY);
}
