import type { ToBackground } from '../messages/to-background';
import { browser } from '../platform/browser';

/** Tells the background the history changed here, so its badge counts what is stored now. */
export function notifyHistoryChanged(): void {
  const message: ToBackground = { type: 'history-changed' };
  browser.runtime.sendMessage(message).catch(() => undefined);
}
