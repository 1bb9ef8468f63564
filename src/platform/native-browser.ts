/**
 * The browser's own promise-based WebExtension API, standing in for webextension-polyfill in the
 * detector bundle only (scripts/build.ts aliases it there): Firefox's `browser`, or Chrome's
 * Manifest V3 `chrome`, whose every call the detector makes (runtime.sendMessage, storage.local,
 * storage.managed, storage.onChanged) returns a promise. It keeps the polyfill's 3 KB gzip out of
 * every dialer frame. Where a listener answers with a promise (the background, the toast, the
 * pages) the polyfill stays: Chrome's own onMessage does not take one.
 */
import type Browser from 'webextension-polyfill';

const scope = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };

export default (scope.browser ?? scope.chrome) as typeof Browser;
