/**
 * The catalog's conventions, checked over every family at once (one test instead of a rule to
 * remember): a label in every locale, hosts that are valid match patterns no broader than the
 * vendor's app and listed in the manifest, a "how" naming an adapter that exists, a source
 * comment naming a concrete vendor page (or saying none was found, and what was searched), a
 * known group.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json';
import { CONTENT_ADAPTERS } from '../../src/content/adapters/content-adapters';
import { PROTOCOL_ADAPTERS } from '../../src/content/adapters/protocol-adapters';
import { DIALER_GROUPS, DIALERS, familyForHost } from '../../src/dialers/catalog';
import { dialerLabel, dialerLabelKey } from '../../src/dialers/dialer-label';
import { PAGE_READ_HOSTS, WIDGET_HOSTS } from '../../src/dialers/frame-families';
import { patternBreadthProblem } from '../../src/dialers/site-breadth';

const LOCALES_DIR = path.join(import.meta.dirname, '../../public/_locales');
const LOCALES = readdirSync(LOCALES_DIR);
const messagesOf = (locale: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8'));
const CATALOG_SOURCE = readFileSync(path.join(import.meta.dirname, '../../src/dialers/catalog.ts'), 'utf8');

/** The text between the family before this one (or the list's start) and this family's id. */
function textBefore(id: string): string {
  const at = CATALOG_SOURCE.indexOf(`id: '${id}'`);
  const listStart = CATALOG_SOURCE.indexOf('export const DIALERS');
  const previousEnd = CATALOG_SOURCE.lastIndexOf('},', at);
  return CATALOG_SOURCE.slice(Math.max(previousEnd, listStart), at);
}

/**
 * Families whose hosts the vendor's own public docs, searched, do not name (their comment says
 * what was searched). Kept here so the list is seen, and shrinks as pages are found.
 */
const UNCONFIRMED = ['orum', 'kixie', '8x8', 'nextiva'];

/**
 * A site's front page or a help centre's (`https://support.vendor.com/`, `/hc/en-us`) proves no
 * host: a source must be a page of its own.
 */
function isFrontPage(url: string): boolean {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  const own = segments.filter((segment) => !/^(hc|[a-z]{2}(-[a-z]{2})?)$/i.test(segment));
  return segments.length < 2 || own.length === 0;
}

const REQUIRED = {
  'contact-centres': [
    'amazon-connect',
    'genesys-cloud',
    'five9',
    'talkdesk',
    'twilio-flex',
    'nice-cxone',
    'zendesk-talk',
    'freshcaller',
  ],
  'crm-calling': ['salesforce', 'close', 'pipedrive', 'hubspot'],
  'sales-dialers': ['orum', 'nooks', 'kixie', 'cloudtalk', 'phoneburner', '8x8', 'vonage', 'nextiva'],
  meetings: ['google-meet', 'zoom-meetings', 'teams-work', 'teams-personal', 'webex'],
} as const;

describe('the dialer catalog', () => {
  it('has at least 25 families, one entry per id, each asked-for family in its group', () => {
    expect(DIALERS.length).toBeGreaterThanOrEqual(25);
    const ids = DIALERS.map((family) => family.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [group, required] of Object.entries(REQUIRED)) {
      for (const id of required) expect(DIALERS.find((family) => family.id === id)?.group, id).toBe(group);
    }
  });

  it.each(DIALERS.map((family) => [family.id, family] as const))('%s follows the conventions', (_, family) => {
    // A label in every locale; English is the brand as written here.
    const key = dialerLabelKey(family.id);
    for (const locale of LOCALES) {
      expect(messagesOf(locale)[key]?.message.trim(), `${locale}: ${key}`).toBeTruthy();
    }
    expect(messagesOf('en')[key]?.message).toBe(family.label);
    expect(dialerLabel(family.id)).toBe(family.label);

    // Hosts: at least one, each a valid match pattern naming the vendor's app, asked for as optional.
    expect(family.hosts.length).toBeGreaterThan(0);
    for (const host of family.hosts) {
      expect(patternBreadthProblem(host), host).toBeUndefined();
      expect(manifest.optional_host_permissions, host).toContain(host);
      expect(familyForHost(new URL(host.replace('*.', 'tenant.').replace(/\*$/, '')).host)).toBeDefined();
    }

    // How: an adapter that exists, and the way that adapter hears.
    const adapter = CONTENT_ADAPTERS.find((known) => known.id === family.adapter);
    expect(adapter, `adapter ${family.adapter}`).toBeDefined();
    const how =
      family.adapter === 'webrtc'
        ? 'audio'
        : PROTOCOL_ADAPTERS.some((known) => known === adapter)
          ? 'messages'
          : 'page';
    expect(family.how).toBe(how);

    // Where its hosts came from, said in the catalog source right above it: a vendor page of its
    // own, or "none found" with what was searched.
    const comment = textBefore(family.id);
    const source = /\/\/ Source: (none found|https:\/\/\S+)/.exec(comment)?.[1];
    expect(source, 'a Source: line').toBeDefined();
    if (source !== undefined && source !== 'none found') expect(isFrontPage(source), source).toBe(false);
    const unconfirmed = /\/\/ Unconfirmed: \S/.test(comment);
    expect(unconfirmed, 'an Unconfirmed: line exactly for the families listed as unconfirmed').toBe(
      UNCONFIRMED.includes(family.id),
    );
    if (source === 'none found') expect(unconfirmed, 'no source found says what was searched').toBe(true);

    expect(DIALER_GROUPS).toContain(family.group);
  });

  it('gives the detector exactly the widget and page-read families (their hosts, from one place)', () => {
    const widgets = DIALERS.filter((family) => family.widget);
    expect(Object.fromEntries(widgets.map((family) => [family.id, family.hosts]))).toEqual(WIDGET_HOSTS);
    const pageRead = DIALERS.filter((family) => family.how === 'page');
    expect(Object.fromEntries(pageRead.map((family) => [family.id, family.hosts]))).toEqual(PAGE_READ_HOSTS);
  });

  it('fills every group, and no two families ask for the same host', () => {
    for (const group of DIALER_GROUPS)
      expect(
        DIALERS.some((family) => family.group === group),
        group,
      ).toBe(true);
    const hosts = DIALERS.flatMap((family) => family.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('asks for no host at install, and the manifest asks for nothing the catalog does not name', () => {
    expect('host_permissions' in manifest).toBe(false);
    expect([...manifest.optional_host_permissions].sort()).toEqual(DIALERS.flatMap((family) => family.hosts).sort());
  });

  it('labels unknown sources as they are, and sites the rep added as theirs', () => {
    expect(dialerLabel('unheard-of')).toBe('unheard-of');
    expect(dialerLabel('custom')).toBe('Your site');
    expect(dialerLabel('webrtc')).toBe('Browser call');
    expect(dialerLabelKey('zoom-phone')).toBe('dialer_zoom_phone');
  });
});

describe('a source comment', () => {
  it.each([
    'https://developer.justcall.io/',
    'https://support.google.com/voice/',
    'https://support.phoneburner.com/hc/en-us',
    'https://help.webex.com/',
  ])('is not a front page: %s', (url) => {
    expect(isFrontPage(url)).toBe(true);
  });

  it.each([
    'https://support.talkdesk.com/hc/en-us/articles/208009616',
    'https://github.com/aircall/aircall-everywhere',
    'https://developers.dialpad.com/docs/dialpad-cti',
  ])('may be a page of its own: %s', (url) => {
    expect(isFrontPage(url)).toBe(false);
  });

  it('lists only families that exist as unconfirmed', () => {
    for (const id of UNCONFIRMED) expect(DIALERS.map((family) => family.id)).toContain(id);
  });
});

describe('patternBreadthProblem', () => {
  it.each([
    ['<all_urls>', 'any-host'],
    ['*://*/*', 'any-host'],
    ['https://*/*', 'any-host'],
    ['https://*.com/*', 'public-suffix'],
    ['https://*.co.uk/*', 'public-suffix'],
    ['https://*.github.io/*', 'public-suffix'],
    ['https://app.*.com/*', 'any-host'],
    ['http://app.example.com/*', 'not-https'],
    ['app.example.com', 'not-a-pattern'],
  ])('%s is too broad (%s)', (pattern, problem) => {
    expect(patternBreadthProblem(pattern)).toBe(problem);
  });

  it.each(['https://app.example.com/*', 'https://*.zendesk.com/*', 'https://*.zoom.us/wc/*'])(
    '%s names one app',
    (p) => {
      expect(patternBreadthProblem(p)).toBeUndefined();
    },
  );
});

describe('familyForHost', () => {
  it('finds the family of a host, subdomains included, and none for other sites', () => {
    expect(familyForHost('acme.zendesk.com')?.id).toBe('zendesk-talk');
    expect(familyForHost('meet.google.com')?.id).toBe('google-meet');
    expect(familyForHost('acme.lightning.force.com:443')?.id).toBe('salesforce');
    expect(familyForHost('zendesk.com.evil.test')).toBeUndefined();
    expect(familyForHost('crm.acme.test')).toBeUndefined();
  });
});
