/**
 * The browser's own promise-based WebExtension API, standing in for webextension-polyfill in the
 * detector bundle and the popup (scripts/build.ts aliases it there): Firefox's `browser`, or
 * Chrome's Manifest V3 `chrome`, whose every call they make (runtime.sendMessage, storage,
 * i18n, tabs.query, permissions, alarms, notifications, openOptionsPage) returns a promise from
 * Chrome 121, Rebound's minimum. It keeps the polyfill's 3 KB gzip out of every dialer frame and
 * its setup out of the popup's first screen. Where a listener answers with a promise (the
 * background, the toast, Options, onboarding) the polyfill stays: Chrome's own onMessage does
 * not take one.
 */
import type Browser from 'webextension-polyfill';

const scope = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };

export default (scope.browser ?? scope.chrome) as typeof Browser;
