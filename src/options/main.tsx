import { render } from 'preact';
import { browser } from '../platform/browser';
import { App } from './App';

document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';

const root = document.getElementById('app');
if (root) render(<App />, root);
