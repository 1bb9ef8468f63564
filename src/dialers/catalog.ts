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
];

export function dialerLabel(source: string): string {
  return DIALERS.find((dialer) => dialer.id === source)?.label ?? source;
}
