import { browser } from '../platform/browser';
import { CONTENT_ADAPTERS } from './adapters/content-adapters';
import { onUnrecognisedFrameMessage } from './adapters/frame-messages';
import { startDetector } from './detector';
import { DETECTOR_FLAG } from './detector-flag';
import { dropReporter } from './drop-report';
import { reportWidgetPage } from './widget-frame';

const ignoreFailure = () => undefined;
const isolated = globalThis as Record<string, unknown>;

// Registered at document_start and also brought to tabs already open: one detector per frame.
if (isolated[DETECTOR_FLAG] !== true) {
  isolated[DETECTOR_FLAG] = true;
  const reportDrop = dropReporter((reason, count) =>
    browser.runtime.sendMessage({ type: 'detector-dropped', reason, count }),
  );
  onUnrecognisedFrameMessage(window, () => reportDrop('unrecognised-message'));

  startDetector({
    frame: window,
    adapters: CONTENT_ADAPTERS,
    send: (signal) => browser.runtime.sendMessage({ type: 'call-signal', signal }),
    isConnected: () => browser.runtime?.id !== undefined,
    onStarted: (adapters) =>
      void browser.runtime.sendMessage({ type: 'detector-started', adapters }).catch(ignoreFailure),
    onOverLimit: () => reportDrop('frame-signal-limit'),
  });
  reportWidgetPage(window, (message) => browser.runtime.sendMessage(message));
}
