import type { Runtime } from 'webextension-polyfill';

/** A runtime.onMessage listener that answers with a promise, or not at all (undefined). */
export type PromisedListener = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined;

/**
 * The background runs on the browser's own API (no webextension-polyfill: its set-up was a few
 * ms of every cold start), and Chrome's own onMessage takes no promise for an answer (not in
 * Chrome 121, Rebound's minimum). Every browser takes `sendResponse` after a `true`, so the answer
 * goes that way.
 * A failed answer goes back as none, which is what the polyfill's rejection object was to the
 * senders (content scripts and the popup, on the browser's own API): no `ok` in it. Like the
 * polyfill, it logs nothing: a write that fails is told to the rep by the write-failure record.
 */
export function answeringWithPromises(listener: PromisedListener): Runtime.OnMessageListenerCallback {
  return (message, sender, sendResponse) => {
    const answer = listener(message, sender);
    if (answer === undefined) sendResponse(undefined);
    else answer.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
}
