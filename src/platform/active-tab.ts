import { browser } from './browser';

/**
 * The host of the tab in front of the rep. The browser shows its URL only on sites Rebound was
 * granted, which are the only ones where it could have missed a call; elsewhere this is undefined.
 */
export async function activeTabHost(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (!tab?.url) return undefined;
  try {
    const url = new URL(tab.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : undefined;
  } catch {
    return undefined;
  }
}
