import type { ToBackground } from '../messages/to-background';
import { browser } from '../platform/browser';

/**
 * Tells the background the history changed here, so its badge counts what is stored now and the
 * popup's snapshot of home is read again. Resolves once the background has answered (or could
 * not be reached): a page that says "done" after it never leaves a popup an older snapshot.
 */
export function notifyHistoryChanged(): Promise<void> {
  const message: ToBackground = { type: 'history-changed' };
  return browser.runtime.sendMessage(message).then(
    () => undefined,
    () => undefined,
  );
}
