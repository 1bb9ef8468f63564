/**
 * The toast's own content script, injected by the background into a tab's top frame only when
 * a nudge or a breath is to be shown (see background/nudger.ts). Injected again for each one, it
 * listens once.
 */
import type { ToBackground } from '../../messages/to-background';
import { parseToContent } from '../../messages/to-content';
import { browser, type Runtime } from '../../platform/browser';
import { showToast } from './mount';
import { breathDone, nudgeActions } from './toast-actions';

const READY = Symbol.for('rebound.toast');
const scope = globalThis as { [READY]?: true };

if (!scope[READY] && window === window.top) {
  scope[READY] = true;
  const send = (message: ToBackground) => browser.runtime.sendMessage(message);
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const message = parseToContent(raw);
    if (!message) return undefined;
    if (message.type === 'start-breath') {
      showToast({ breathDone: breathDone(undefined, send) }, message.hideAfterMs);
    } else {
      const { nudge } = message;
      const nudged = { nudge, actions: nudgeActions(nudge.callKey, send) };
      showToast({ nudged, breathDone: breathDone(nudge.callKey, send) }, nudge.hideAfterMs);
    }
    return Promise.resolve({ shown: true });
  });
}
