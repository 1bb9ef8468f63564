import { browser } from '../platform/browser';
import { customSiteAdapter } from './adapters/custom-site';
import { onUnrecognisedFrameMessage } from './adapters/frame-messages';
import { googleVoiceAdapter } from './adapters/google-voice';
import { outreachAdapter } from './adapters/outreach';
import { PROTOCOL_ADAPTERS } from './adapters/protocol-adapters';
import { salesloftAdapter } from './adapters/salesloft';
import { webrtcAdapter } from './adapters/webrtc';
import { startDetector } from './detector';
import { dropReporter } from './drop-report';

const ADAPTERS = [
  ...PROTOCOL_ADAPTERS,
  webrtcAdapter,
  googleVoiceAdapter,
  salesloftAdapter,
  outreachAdapter,
  customSiteAdapter,
];

const ignoreFailure = () => undefined;
const reportDrop = dropReporter((reason, count) =>
  browser.runtime.sendMessage({ type: 'detector-dropped', reason, count }),
);
onUnrecognisedFrameMessage(window, () => reportDrop('unrecognised-message'));

startDetector({
  frame: window,
  adapters: ADAPTERS,
  send: (signal) => browser.runtime.sendMessage({ type: 'call-signal', signal }),
  isConnected: () => browser.runtime?.id !== undefined,
  onStarted: (adapters) =>
    void browser.runtime.sendMessage({ type: 'detector-started', adapters }).catch(ignoreFailure),
  onOverLimit: () => reportDrop('frame-signal-limit'),
});
