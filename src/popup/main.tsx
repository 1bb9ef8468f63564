import { render } from 'preact';
import { openReboundDb } from '../db/schema';
import { writeFailureSlot } from '../db/write-failure';
import { browser } from '../platform/browser';
import { pendingRoutineSlot } from '../routine/pending-routine';
import { loadSettings } from '../settings/settings-store';
import { App } from './App';

const inWindow = new URLSearchParams(location.search).has('window');
document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
if (inWindow) document.documentElement.classList.add('in-window');

const root = document.getElementById('app');
if (root) {
  render(
    <App
      db={openReboundDb()}
      pendingRoutine={pendingRoutineSlot()}
      writeFailure={writeFailureSlot()}
      loadSettings={loadSettings}
      notifyHistoryChanged={() => browser.runtime.sendMessage({ type: 'history-changed' })}
      openOptions={() => void browser.runtime.openOptionsPage()}
      close={inWindow ? () => window.close() : undefined}
      now={Date.now}
    />,
    root,
  );
}
