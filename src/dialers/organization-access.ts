import type { ManagedPolicy } from '../settings/managed-settings';
import { DIALERS } from './catalog';
import { originPattern } from './custom-sites';
import { dialerLabel } from './dialer-label';

/** What the organization turned on that the browser has not granted yet. */
export interface WaitingAccess {
  /** What the rep reads: dialer names and site hosts. */
  labels: string[];
  /** Host permission patterns to ask for, all in one request. */
  origins: string[];
}

/**
 * Policy cannot grant optional host access (the browsers keep that for the rep), so the dialers
 * and sites the organization turned on wait until the rep allows them, in one click.
 */
export async function waitingAccess(
  policy: ManagedPolicy,
  has: (origins: string[]) => Promise<boolean>,
): Promise<WaitingAccess> {
  const wanted = [
    ...DIALERS.filter((dialer) => policy.dialers.includes(dialer.id)).map((dialer) => ({
      label: dialerLabel(dialer.id),
      origins: [...dialer.hosts],
    })),
    ...policy.customSites.map((site) => ({ label: new URL(site.origin).host, origins: [originPattern(site.origin)] })),
  ];
  const granted = await Promise.all(wanted.map((item) => has(item.origins)));
  const waiting = wanted.filter((_, index) => !granted[index]);
  return {
    labels: waiting.map((item) => item.label),
    origins: [...new Set(waiting.flatMap((item) => item.origins))],
  };
}
