import * as v from 'valibot';
import { rateReplySchema } from '../messages/escalation';
import type { ToBackground } from '../messages/to-background';
import { parseToContent } from '../messages/to-content';
import { browser, type Runtime } from '../platform/browser';
import { hubspotAdapter } from './adapters/hubspot';
import { startDetector } from './detector';
import { showToast } from './toast/mount';
import type { ToastActions } from './toast/Toast';

const ADAPTERS = [hubspotAdapter];

startDetector({
  frame: window,
  adapters: ADAPTERS,
  send: (signal) => browser.runtime.sendMessage({ type: 'call-signal', signal }),
  isConnected: () => browser.runtime?.id !== undefined,
});

/** What the toast's buttons ask the background for; it checks that this tab was nudged for the call. */
function toastActions(callKey: string | undefined): ToastActions {
  const send = (message: ToBackground) => browser.runtime.sendMessage(message);
  const withCall = (act: (key: string) => Promise<unknown>) => () =>
    callKey === undefined ? Promise.resolve() : act(callKey);
  return {
    async rate(rating) {
      if (callKey === undefined) return undefined;
      const reply = v.safeParse(rateReplySchema, await send({ type: 'rate-call', callKey, rating }));
      return reply.success ? reply.output.escalation : undefined;
    },
    reset: withCall((key) => send({ type: 'open-reset', callKey: key })),
    snooze: (choice) => (callKey === undefined ? Promise.resolve() : send({ type: 'snooze', callKey, choice })),
    breathDone: () => send(callKey === undefined ? { type: 'breath-done' } : { type: 'breath-done', callKey }),
  };
}

if (window === window.top) {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const message = parseToContent(raw);
    if (!message) return undefined;
    if (message.type === 'start-breath') {
      showToast(undefined, toastActions(undefined), message.hideAfterMs);
    } else {
      showToast(message.nudge, toastActions(message.nudge.callKey), message.nudge.hideAfterMs);
    }
    return Promise.resolve({ shown: true });
  });
}
