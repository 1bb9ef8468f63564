import { browser } from './browser';

/**
 * Site access (optional host permissions), asked for and given back from extension pages.
 * `request` must be the first thing a click handler does: browsers only ask inside a user gesture.
 */
export const hostAccess = {
  has: (origins: string[]): Promise<boolean> => browser.permissions.contains({ origins }),
  request: (origins: string[]): Promise<boolean> => browser.permissions.request({ origins }),
  remove: (origins: string[]): Promise<boolean> => browser.permissions.remove({ origins }),
  /** Calls `listener` whenever access is granted or removed anywhere; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    browser.permissions.onAdded.addListener(listener);
    browser.permissions.onRemoved.addListener(listener);
    return () => {
      browser.permissions.onAdded.removeListener(listener);
      browser.permissions.onRemoved.removeListener(listener);
    };
  },
};
