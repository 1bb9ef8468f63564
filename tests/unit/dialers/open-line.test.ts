import { describe, expect, it } from 'vitest';
import { familyAtPage } from '../../../src/dialers/catalog';
import { lineSiteOf, openLineOf, withOpenLine } from '../../../src/dialers/open-line';

describe('which line a frame is on, and whether it stays open', () => {
  it('names a known family by its id and any other site by its origin', () => {
    expect(lineSiteOf('https://app.hubspot.com/contacts/1')).toBe('hubspot');
    expect(lineSiteOf('https://acme.outreach.io/dialer')).toBe('outreach');
    expect(lineSiteOf('https://crm.example.com:8443/deals?id=3')).toBe('https://crm.example.com:8443');
    expect(lineSiteOf('about:blank')).toBeUndefined();
    expect(lineSiteOf('not a url')).toBeUndefined();
  });

  it('finds the family the way the catalog does, path included', () => {
    const pages = [
      'https://acme.zoom.us/wc/join/123',
      'https://acme.zoom.us/j/123',
      'https://meet.google.com/abc-defg-hij',
      'https://meet.google.com.evil.test/',
      'http://127.0.0.1/meeting/room',
    ];
    for (const page of pages) {
      const family = familyAtPage(page);
      expect(lineSiteOf(page), page).toBe(family?.id ?? new URL(page).origin);
    }
    expect(lineSiteOf('https://acme.zoom.us/wc/join/123')).toBe('zoom-meetings');
    expect(lineSiteOf('https://acme.zoom.us/j/123')).toBe('https://acme.zoom.us');
  });

  it('takes the rep’s word for a site, else the catalog’s, with a 20-second quiet spell', () => {
    const lines = [{ site: 'https://crm.example.com', open: true, quietSeconds: 45 }];
    expect(openLineOf(lines, 'https://crm.example.com')).toEqual(lines[0]);
    expect(openLineOf(lines, 'hubspot')).toEqual({ site: 'hubspot', open: false, quietSeconds: 20 });
  });

  it('replaces one site’s setting and keeps the others', () => {
    const lines = [
      { site: 'a', open: true, quietSeconds: 10 },
      { site: 'b', open: true, quietSeconds: 10 },
    ];
    expect(withOpenLine(lines, { site: 'a', open: false, quietSeconds: 30 })).toEqual([
      { site: 'b', open: true, quietSeconds: 10 },
      { site: 'a', open: false, quietSeconds: 30 },
    ]);
  });
});
