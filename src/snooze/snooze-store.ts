import { browser } from '../platform/browser';
import { type SnoozeChoice, snoozeUntil } from './snooze';

export const SNOOZE_KEY = 'snoozedUntil';

/**
 * The snooze lives in storage.local, not session: "rest of the day" must outlast a browser
 * restart. Written by the background (from the toast) and by the popup.
 */
export async function readSnooze(
  readLocal: (keys: string[]) => Promise<Record<string, unknown>> = (keys) => browser.storage.local.get(keys),
): Promise<number | undefined> {
  return snoozeIn(await readLocal([SNOOZE_KEY]));
}

/** The snooze's end in what storage.local answered, when it holds a sound one. */
export function snoozeIn(stored: Record<string, unknown>): number | undefined {
  const until = stored[SNOOZE_KEY];
  return typeof until === 'number' && Number.isFinite(until) ? until : undefined;
}

export async function snooze(choice: SnoozeChoice, now: number): Promise<number> {
  const until = snoozeUntil(choice, now);
  await browser.storage.local.set({ [SNOOZE_KEY]: until });
  return until;
}

export function endSnooze(): Promise<void> {
  return browser.storage.local.remove(SNOOZE_KEY);
}
