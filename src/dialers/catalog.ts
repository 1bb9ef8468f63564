/**
 * The dialer families Rebound knows: what the rep sees and which hosts each needs. Shared by
 * the background, the popup and the options page; adapters live in content/adapters.
 */
export interface DialerFamily {
  id: string;
  label: string;
  /** Optional host permissions asked for when the rep turns this dialer on. */
  hosts: readonly string[];
}

export const DIALERS: readonly DialerFamily[] = [
  { id: 'hubspot', label: 'HubSpot calling', hosts: ['https://app.hubspot.com/*'] },
  {
    id: 'ringcentral',
    label: 'RingCentral',
    hosts: ['https://app.ringcentral.com/*', 'https://apps.ringcentral.com/*'],
  },
  { id: 'aircall', label: 'Aircall', hosts: ['https://workspace.aircall.io/*'] },
  { id: 'justcall', label: 'JustCall', hosts: ['https://app.justcall.io/*'] },
  { id: 'zoom-phone', label: 'Zoom Phone', hosts: ['https://applications.zoom.us/*'] },
  { id: 'dialpad', label: 'Dialpad', hosts: ['https://dialpad.com/*'] },
  { id: 'google-voice', label: 'Google Voice', hosts: ['https://voice.google.com/*'] },
  { id: 'salesloft', label: 'Salesloft', hosts: ['https://app.salesloft.com/*'] },
  { id: 'outreach', label: 'Outreach', hosts: ['https://*.outreach.io/*'] },
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

export function dialerLabel(source: string): string {
  return DIALERS.find((dialer) => dialer.id === source)?.label ?? source;
}
