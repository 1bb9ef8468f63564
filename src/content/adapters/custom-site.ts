/**
 * A site the rep added in Options → Sites with page elements to watch: a call is live while
 * the "on a call" element or the hang-up control is visible. (Sites added for their WebRTC audio
 * need nothing here: the hook runs on every granted site.) Try it on: tests/fixtures/custom-site.
 */
import { CUSTOM_SITE_SOURCE, type CustomSite, customSiteFor } from '../../dialers/custom-sites';
import { loadSettings } from '../../settings/settings-store';
import { watchCallView } from '../dom/presence-adapter';
import { isVisible } from '../dom/watch-dom';
import type { DialerAdapter } from './adapter';

function shows(doc: Document, selector: string | undefined): boolean {
  if (!selector) return false;
  try {
    return [...doc.querySelectorAll(selector)].some(isVisible);
  } catch {
    return false;
  }
}

export function siteShowsCall(doc: Document, site: CustomSite): boolean {
  return shows(doc, site.inCallSelector) || shows(doc, site.hangUpSelector);
}

export const customSiteAdapter: DialerAdapter = {
  id: CUSTOM_SITE_SOURCE,
  matches: (frame) => frame.location.protocol === 'https:' || frame.location.protocol === 'http:',
  start(frame, emit, stop, now) {
    loadSettings().then(
      (settings) => {
        const site = customSiteFor(settings.customSites, frame.location.origin);
        if (stop.aborted || site?.detect !== 'elements') return;
        watchCallView(
          frame,
          stop,
          (doc) => ({ live: siteShowsCall(doc, site) }),
          (kind) => emit({ kind, source: CUSTOM_SITE_SOURCE, at: now() }),
        );
      },
      () => undefined,
    );
  },
};
