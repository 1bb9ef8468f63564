import type { Scripting } from 'webextension-polyfill';
import { browser } from '../platform/browser';

export const DETECTOR_SCRIPT_ID = 'rebound-detector';
export const WEBRTC_HOOK_SCRIPT_ID = 'rebound-webrtc-hook';
const SCRIPT_IDS = [DETECTOR_SCRIPT_ID, WEBRTC_HOOK_SCRIPT_ID];
/** The detector's files in the isolated world, and those that go into the page's own world. */
export const DETECTOR_FILES = ['content.js'];
export const PAGE_WORLD_FILES = ['webrtc-hook.js', 'message-prefilter.js'];

// <all_urls> and any-host patterns (scheme://*/...) name no one site: never granted a detector.
function isWildcardHost(pattern: string): boolean {
  return pattern === '<all_urls>' || /^[^:]+:\/\/\*\//.test(pattern);
}

/** The granted origins that name a site (the detector's matches). */
export function siteGrants(grantedOrigins: readonly string[]): string[] {
  return grantedOrigins.filter((origin) => !isWildcardHost(origin)).sort();
}

/**
 * The content scripts run only where the rep granted Rebound a dialer host (optional host
 * permissions; the demo build grants loopback at install): the detector in the isolated world,
 * and the WebRTC hook with the message prefilter in the page's world, all in every frame from
 * document_start. All also run in the about:blank frames a dialer page makes
 * (matchOriginAsFallback), where a page can build a peer connection out of sight. Empty when
 * nothing is granted.
 */
export function detectorScriptsFor(grantedOrigins: readonly string[]): Scripting.RegisteredContentScript[] {
  const matches = siteGrants(grantedOrigins);
  if (matches.length === 0) return [];
  const common = {
    matches,
    allFrames: true,
    matchOriginAsFallback: true,
    runAt: 'document_start',
    persistAcrossSessions: true,
  } as const;
  return [
    { ...common, id: DETECTOR_SCRIPT_ID, js: DETECTOR_FILES },
    { ...common, id: WEBRTC_HOOK_SCRIPT_ID, js: PAGE_WORLD_FILES, world: 'MAIN' },
  ];
}

let syncing: Promise<void> = Promise.resolve();

/**
 * Makes the registered scripts match what is granted now. Idempotent; calls are queued, as
 * install, start-up and permission events can ask at the same moment.
 */
export function syncDetectorRegistration(): Promise<void> {
  syncing = syncing.then(syncOnce, syncOnce);
  return syncing;
}

async function syncOnce(): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  const wanted = detectorScriptsFor(origins);
  const existing = new Set((await browser.scripting.getRegisteredContentScripts({ ids: SCRIPT_IDS })).map((s) => s.id));
  const wantedIds = new Set(wanted.map((script) => script.id));
  const stale = [...existing].filter((id) => !wantedIds.has(id));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const toUpdate = wanted.filter((script) => existing.has(script.id));
  const toRegister = wanted.filter((script) => !existing.has(script.id));
  if (toUpdate.length > 0) await browser.scripting.updateContentScripts(toUpdate);
  if (toRegister.length > 0) await browser.scripting.registerContentScripts(toRegister);
}
