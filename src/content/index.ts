import { browser } from '../platform/browser';
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
