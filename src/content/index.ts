import { browser } from '../platform/browser';
import { CONTENT_ADAPTERS } from './adapters/content-adapters';
import { startDetector } from './detector';

startDetector({
  frame: window,
  adapters: CONTENT_ADAPTERS,
  send: (signal) => browser.runtime.sendMessage({ type: 'call-signal', signal }),
  isConnected: () => browser.runtime?.id !== undefined,
});
