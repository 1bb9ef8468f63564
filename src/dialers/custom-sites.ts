import * as v from 'valibot';

/**
 * A site the rep added: its origin, and how a call shows there: by its WebRTC audio (the hook),
 * or by page elements the rep names (an "on a call" element and/or a hang-up control).
 */
export const CUSTOM_SITE_SOURCE = 'custom';
export const MAX_CUSTOM_SITES = 50;
const MAX_SELECTOR_LENGTH = 300;

const selector = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_SELECTOR_LENGTH));

export const customSiteSchema = v.object({
  origin: v.pipe(v.string(), v.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/)),
  detect: v.picklist(['webrtc', 'elements']),
  inCallSelector: v.optional(selector),
  hangUpSelector: v.optional(selector),
});
export type CustomSite = v.InferOutput<typeof customSiteSchema>;

export const customSitesSchema = v.pipe(v.array(customSiteSchema), v.maxLength(MAX_CUSTOM_SITES));

/** `crm.example.com`, `https://crm.example.com/deals/1` → `https://crm.example.com`; else undefined. */
export function originFromInput(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  const webPage = url.protocol === 'https:' || url.protocol === 'http:';
  const realHost = url.hostname === 'localhost' || url.hostname.includes('.');
  return webPage && realHost ? url.origin : undefined;
}

/** The host permission pattern for a site's origin (ports are not part of patterns). */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** True when `text` is a CSS selector the browser accepts. */
export function isValidSelector(text: string, doc: Document): boolean {
  try {
    doc.createDocumentFragment().querySelector(text);
    return true;
  } catch {
    return false;
  }
}

/** The site whose origin this page has, if the rep added it. */
export function customSiteFor(sites: readonly CustomSite[], origin: string): CustomSite | undefined {
  return sites.find((site) => site.origin === origin);
}
