import { matchesPattern } from './page-patterns';

/*
 * The hosts the detector itself must recognise in a frame, kept apart from the rest of the
 * catalog (labels, groups, sources) so the content script carries only these few patterns.
 * dialers/catalog.ts takes these families' hosts from here.
 */

/** Families read from their page (DOM adapters): where each adapter applies. */
export const PAGE_READ_HOSTS = {
  'google-voice': ['https://voice.google.com/*'],
  salesloft: ['https://app.salesloft.com/*'],
  outreach: ['https://*.outreach.io/*'],
} as const satisfies Record<string, readonly string[]>;

/** Widget families a CRM embeds: a frame on these hosts is that widget. */
export const WIDGET_HOSTS = {
  ringcentral: ['https://app.ringcentral.com/*', 'https://apps.ringcentral.com/*'],
  aircall: ['https://workspace.aircall.io/*'],
  justcall: ['https://app.justcall.io/*'],
  'zoom-phone': ['https://applications.zoom.us/*'],
  dialpad: ['https://dialpad.com/*'],
} as const satisfies Record<string, readonly string[]>;

/**
 * The fixture pages that stand in for the page-read dialers, and the fixture frame that stands in
 * for a widget (the shared softphone speaking RingCentral's protocol with audio, from localhost),
 * in the test flavours, which grant loopback; empty in store builds.
 */
const DEMO_PAGES: Readonly<Record<string, readonly string[]>> = __REBOUND_DEMO__
  ? {
      'google-voice': ['http://127.0.0.1/google-voice/*'],
      salesloft: ['http://127.0.0.1/salesloft/*'],
      outreach: ['http://127.0.0.1/outreach/*'],
    }
  : {};
const DEMO_WIDGET_FRAMES: Readonly<Record<string, readonly string[]>> = __REBOUND_DEMO__
  ? { ringcentral: ['http://localhost/softphone-shell/widget.html?protocol=crm-widget*'] }
  : {};

const own = <T>(record: Readonly<Record<string, T>>, id: string): T | undefined =>
  Object.hasOwn(record, id) ? record[id] : undefined;

/** The fixture pages standing in for a family in the test flavours (none in store builds). */
export function demoPagesOf(id: string): readonly string[] {
  return own(DEMO_PAGES, id) ?? [];
}

/** Where a page-read family's adapter applies: its hosts, plus demo fixtures. */
export function pageReadPages(id: string): readonly string[] {
  return [...(own<readonly string[]>(PAGE_READ_HOSTS, id) ?? []), ...demoPagesOf(id)];
}

/** The id of the widget family whose frame this URL is, if any. */
export function widgetFamilyIdAt(url: string): string | undefined {
  return Object.keys(WIDGET_HOSTS).find((id) =>
    [...(own<readonly string[]>(WIDGET_HOSTS, id) ?? []), ...(own(DEMO_WIDGET_FRAMES, id) ?? [])].some((pattern) =>
      matchesPattern(pattern, url),
    ),
  );
}
