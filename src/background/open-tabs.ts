import { DETECTOR_FLAG } from '../content/detector-flag';
import { browser } from '../platform/browser';
import { DETECTOR_FILES, PAGE_WORLD_FILES, siteGrants } from './detector-registration';

/**
 * Brings the detector to tabs already open on sites just granted (a dialer turned on, a CRM
 * allowed, the install): registered content scripts only reach pages loaded after they are
 * registered. Frames that already run it are left alone. The WebRTC hook only sees connections
 * made after it arrives, so a call already up in such a tab is heard from the next one.
 */
export async function bringDetectorToOpenTabs(grantedOrigins: readonly string[]): Promise<void> {
  const patterns = siteGrants(grantedOrigins);
  if (patterns.length === 0) return;
  const tabs = await browser.tabs.query({ url: [...patterns] });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : injectMissing(tab.id))));
}

async function injectMissing(tabId: number): Promise<void> {
  try {
    const probes = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: (flag: string) => (globalThis as Record<string, unknown>)[flag] === true,
      args: [DETECTOR_FLAG],
    });
    const frameIds = probes.filter((probe) => probe.result !== true).map((probe) => probe.frameId);
    if (frameIds.length === 0) return;
    // The registered scripts' files, in their order: the page's world first, as at document_start.
    await browser.scripting.executeScript({ target: { tabId, frameIds }, files: PAGE_WORLD_FILES, world: 'MAIN' });
    await browser.scripting.executeScript({ target: { tabId, frameIds }, files: DETECTOR_FILES });
  } catch (error) {
    // A tab that navigated or closed in between, or a page the browser keeps extensions out of.
    console.warn('Rebound: could not bring the detector to an open tab', error);
  }
}
