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
];

export function dialerLabel(source: string): string {
  return DIALERS.find((dialer) => dialer.id === source)?.label ?? source;
}
