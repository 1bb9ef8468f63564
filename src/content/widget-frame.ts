import { widgetFamilyIdAt } from '../dialers/frame-families';
import type { ToBackground } from '../messages/to-background';

/**
 * In a widget dialer's frame (RingCentral inside a CRM), tells the background which page it
 * lives in: the widget posts its call events there, so Rebound hears them only if that page is
 * allowed too. The top page's origin comes from `location.ancestorOrigins` (Chromium), else from
 * the referrer (the embedding page). Nothing else about the page is read.
 */
export function reportWidgetPage(frame: Window, send: (message: ToBackground) => Promise<unknown>): void {
  if (frame === frame.top) return;
  const family = widgetFamilyIdAt(frame.location.href);
  if (!family) return;
  const pageOrigin = topOriginOf(frame);
  if (!pageOrigin || pageOrigin === frame.location.origin) return;
  send({ type: 'widget-frame', family, pageOrigin }).catch(() => undefined);
}

function topOriginOf(frame: Window): string | undefined {
  const ancestors = frame.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[ancestors.length - 1];
  try {
    return new URL(frame.document.referrer).origin;
  } catch {
    return undefined;
  }
}
