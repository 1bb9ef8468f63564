import { type DialerFamily, familyForHost } from './catalog';
import { originFromInput } from './custom-sites';
import { isPublicSuffix } from './site-breadth';

export type SiteInputCheck =
  | { origin: string }
  | { problem: 'not-a-site' | 'too-broad' | 'public-suffix' }
  | { problem: 'known-family'; family: DialerFamily };

/**
 * What the rep typed as a site of their own, checked: one web origin, not a wildcard or
 * a suffix many sites share, and not a site a known family already covers (that family's switch
 * asks for it, with the right adapter).
 */
export function checkSiteInput(input: string): SiteInputCheck {
  const text = input.trim();
  if (text.includes('*') || text === '<all_urls>') return { problem: 'too-broad' };
  const origin = originFromInput(text);
  if (!origin) return { problem: 'not-a-site' };
  const host = new URL(origin).hostname;
  if (isPublicSuffix(host)) return { problem: 'public-suffix' };
  const family = familyForHost(host);
  if (family) return { problem: 'known-family', family };
  return { origin };
}
