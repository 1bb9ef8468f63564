import type { ExtensionSession } from '../../scripts/driver/extension-session';

/**
 * The tab to ask: by its page's address, which the worker can match only on a site it may run
 * on, or the active tab of the last focused window.
 */
export type TabToAsk = { url: string } | { active: true; lastFocusedWindow: true };

/**
 * What the top frame of a tab answers to a breath sent from the worker: only the toast listens
 * to the extension in a top frame, so `{"shown":true}` means it is loaded there, and Chrome's
 * "Receiving end does not exist" that nothing of Rebound listens.
 */
export function toastAnswerIn(session: ExtensionSession, tabToAsk: TabToAsk): Promise<string> {
  return session.inWorker(async (query) => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        tabs: {
          query(q: object): Promise<{ id?: number }[]>;
          sendMessage(id: number, m: unknown, o: { frameId: number }): Promise<unknown>;
        };
      };
    };
    const [tab] = await chrome.tabs.query(query);
    if (tab?.id === undefined) return 'no tab';
    return chrome.tabs.sendMessage(tab.id, { type: 'start-breath', hideAfterMs: 1000 }, { frameId: 0 }).then(
      (reply) => JSON.stringify(reply),
      (error: Error) => error.message,
    );
  }, tabToAsk);
}

export const TOAST_SHOWN = '{"shown":true}';
