import type { ToBackground } from '../messages/to-background';
import { parseToContent } from '../messages/to-content';
import { browser, type Runtime } from '../platform/browser';
import { aircallAdapter } from './adapters/aircall';
import { customSiteAdapter } from './adapters/custom-site';
import { dialpadAdapter } from './adapters/dialpad';
import { googleVoiceAdapter } from './adapters/google-voice';
import { hubspotAdapter } from './adapters/hubspot';
import { justcallAdapter } from './adapters/justcall';
import { outreachAdapter } from './adapters/outreach';
import { ringcentralAdapter } from './adapters/ringcentral';
import { salesloftAdapter } from './adapters/salesloft';
import { webrtcAdapter } from './adapters/webrtc';
import { zoomPhoneAdapter } from './adapters/zoom-phone';
import { startDetector } from './detector';
import { showToast } from './toast/mount';
import { breathDone, nudgeActions } from './toast/toast-actions';

const send = (message: ToBackground) => browser.runtime.sendMessage(message);

const ADAPTERS = [
  hubspotAdapter,
  ringcentralAdapter,
  aircallAdapter,
  justcallAdapter,
  zoomPhoneAdapter,
  dialpadAdapter,
  webrtcAdapter,
  googleVoiceAdapter,
  salesloftAdapter,
  outreachAdapter,
  customSiteAdapter,
];

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
