import { parseToContent } from '../messages/to-content';
import { browser, type Runtime } from '../platform/browser';
import { hubspotAdapter } from './adapters/hubspot';
import { startDetector } from './detector';
import { showToast } from './toast/mount';

const ADAPTERS = [hubspotAdapter];

startDetector({
  frame: window,
  adapters: ADAPTERS,
  send: (signal) => browser.runtime.sendMessage({ type: 'call-signal', signal }),
  isConnected: () => browser.runtime?.id !== undefined,
});

if (window === window.top) {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const message = parseToContent(raw);
    if (!message) return undefined;
    showToast(message.nudge, {
      rate: (rating) => browser.runtime.sendMessage({ type: 'rate-call', callKey: message.nudge.callKey, rating }),
      reset: () => browser.runtime.sendMessage({ type: 'open-reset', callKey: message.nudge.callKey }),
    });
    return Promise.resolve({ shown: true });
  });
}
