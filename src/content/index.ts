import { browser } from '../platform/browser';
import { CONTENT_ADAPTERS } from './adapters/content-adapters';
import { startDetector } from './detector';
import { DETECTOR_FLAG } from './detector-flag';
import { reportWidgetPage } from './widget-frame';

const isolated = globalThis as Record<string, unknown>;
// Registered at document_start and also brought to tabs already open: one detector per frame.
if (isolated[DETECTOR_FLAG] !== true) {
  isolated[DETECTOR_FLAG] = true;
  startDetector({
    frame: window,
    adapters: CONTENT_ADAPTERS,
    send: (signal) => browser.runtime.sendMessage({ type: 'call-signal', signal }),
    isConnected: () => browser.runtime?.id !== undefined,
  });
  reportWidgetPage(window, (message) => browser.runtime.sendMessage(message));
}
