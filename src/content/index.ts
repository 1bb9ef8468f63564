import { browser } from '../platform/browser';
import { customSiteAdapter } from './adapters/custom-site';
import { googleVoiceAdapter } from './adapters/google-voice';
import { outreachAdapter } from './adapters/outreach';
import { PROTOCOL_ADAPTERS } from './adapters/protocol-adapters';
import { salesloftAdapter } from './adapters/salesloft';
import { webrtcAdapter } from './adapters/webrtc';
import { startDetector } from './detector';

const ADAPTERS = [
  ...PROTOCOL_ADAPTERS,
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
