import { render } from 'preact';
import { browser } from '../platform/browser';
import { Onboarding } from './Onboarding';

document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';

const root = document.getElementById('app');
if (root)
  render(
    <Onboarding
      openSites={() => void browser.tabs.create({ url: browser.runtime.getURL('options/index.html#sites') })}
    />,
    root,
  );
