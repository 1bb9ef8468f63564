/**
 * The dialer families Rebound knows and which hosts each needs. Shared by the background, the
 * popup and the options page; adapters live in content/adapters. What the rep reads as a family's
 * name is the i18n message `dialer_<id>` (see dialer-label.ts), so it can be translated.
 */
export interface DialerFamily {
  id: string;
  /** How Rebound hears a call: the dialer's own messages, the page it shows, or its audio. */
  how: 'messages' | 'page' | 'audio';
  /** Optional host permissions asked for when the rep turns this dialer on. */
  hosts: readonly string[];
  /**
   * The softphone keeps one audio connection up between conversations (power and parallel
   * dialers, contact centres with a persistent agent line): calls are told apart by talk
   * activity. Absent means one connection per call; the rep can change it per site in Options →
   * Sites.
   */
  keepsLineOpen?: boolean;
}

/** Whether a family keeps its line open, as the catalog knows it. */
export function familyLineStaysOpen(id: string): boolean {
  return DIALERS.find((dialer) => dialer.id === id)?.keepsLineOpen === true;
}

export const DIALERS: readonly DialerFamily[] = [
  { id: 'hubspot', how: 'messages', hosts: ['https://app.hubspot.com/*'] },
  {
    id: 'ringcentral',
    how: 'messages',
    hosts: ['https://app.ringcentral.com/*', 'https://apps.ringcentral.com/*'],
  },
  { id: 'aircall', how: 'messages', hosts: ['https://workspace.aircall.io/*'] },
  { id: 'justcall', how: 'messages', hosts: ['https://app.justcall.io/*'] },
  { id: 'zoom-phone', how: 'messages', hosts: ['https://applications.zoom.us/*'] },
  { id: 'dialpad', how: 'messages', hosts: ['https://dialpad.com/*'] },
  { id: 'google-voice', how: 'page', hosts: ['https://voice.google.com/*'] },
  { id: 'salesloft', how: 'page', hosts: ['https://app.salesloft.com/*'] },
  { id: 'outreach', how: 'page', hosts: ['https://*.outreach.io/*'] },
  // Sites the rep adds in Options → Sites: their hosts are asked for one by one there.
  { id: 'custom', how: 'page', hosts: [] },
];

/**
 * The fixture pages that stand in for the DOM-detected dialers in the demo/test flavour (served
 * on loopback, which that flavour grants); empty in store builds.
 */
const DEMO_PAGES: Readonly<Record<string, readonly string[]>> = __REBOUND_DEMO__
  ? {
      'google-voice': ['http://127.0.0.1/google-voice/*'],
      salesloft: ['http://127.0.0.1/salesloft/*'],
      outreach: ['http://127.0.0.1/outreach/*'],
    }
  : {};

/** Where a family's page-reading (DOM) adapter applies: its hosts, plus demo fixtures. */
export function familyPages(id: string): readonly string[] {
  return [...(DIALERS.find((dialer) => dialer.id === id)?.hosts ?? []), ...(DEMO_PAGES[id] ?? [])];
}
