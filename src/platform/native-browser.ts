/**
 * The browser's own promise-based WebExtension API, standing in for webextension-polyfill in the
 * detector bundle, the popup and the background (scripts/build.ts aliases it there): Firefox's
 * `browser`, or Chrome's Manifest V3 `chrome`, whose every call they make (runtime.sendMessage,
 * storage, i18n, tabs, scripting, permissions, alarms, notifications, action, windows) returns a
 * promise from Chrome 121, Rebound's minimum. It keeps the polyfill's 3 KB gzip out of every
 * dialer frame and its set-up out of the popup's first screen and the worker's cold start. Chrome's
 * own onMessage takes no promise for an answer: the background answers through
 * promised-answers.ts; the toast, Options and onboarding keep the polyfill.
 */
import type Browser from 'webextension-polyfill';

const scope = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };

export default (scope.browser ?? scope.chrome) as typeof Browser;
