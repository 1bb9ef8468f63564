import type { Scripting } from 'webextension-polyfill';
import { browser } from '../platform/browser';

export const DETECTOR_SCRIPT_ID = 'rebound-detector';

// <all_urls> and any-host patterns (scheme://*/...) name no one site: never granted a detector.
function isWildcardHost(pattern: string): boolean {
  return pattern === '<all_urls>' || /^[^:]+:\/\/\*\//.test(pattern);
}

/**
 * The detector content script runs only where the rep granted Rebound a dialer host (optional
 * host permissions; the demo build grants loopback at install). Null when nothing is granted.
 */
export function detectorScriptFor(grantedOrigins: readonly string[]): Scripting.RegisteredContentScript | null {
  const matches = grantedOrigins.filter((origin) => !isWildcardHost(origin));
  if (matches.length === 0) return null;
  return {
    id: DETECTOR_SCRIPT_ID,
    matches: [...matches].sort(),
    js: ['content.js'],
    allFrames: true,
    runAt: 'document_start',
    persistAcrossSessions: true,
  };
}

let syncing: Promise<void> = Promise.resolve();

/**
 * Makes the registered detector match what is granted now. Idempotent; calls are queued, as
 * install, start-up and permission events can ask at the same moment.
 */
export function syncDetectorRegistration(): Promise<void> {
  syncing = syncing.then(syncOnce, syncOnce);
  return syncing;
}

async function syncOnce(): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  const wanted = detectorScriptFor(origins);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [DETECTOR_SCRIPT_ID] });
  if (!wanted) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [DETECTOR_SCRIPT_ID] });
    return;
  }
  if (existing.length > 0) await browser.scripting.updateContentScripts([wanted]);
  else await browser.scripting.registerContentScripts([wanted]);
}
