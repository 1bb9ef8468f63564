import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json';
import { DIALERS, dialerLabel } from '../../src/dialers/catalog';

describe('dialer catalog', () => {
  it('asks only for hosts the manifest lists as optional, and for none at install', () => {
    const optional = new Set(manifest.optional_host_permissions);
    for (const dialer of DIALERS) {
      for (const host of dialer.hosts) expect(optional, `${dialer.id}: ${host}`).toContain(host);
    }
    expect('host_permissions' in manifest).toBe(false);
    expect(JSON.stringify(manifest.optional_host_permissions)).not.toContain('<all_urls>');
  });

  it('has one entry per source id, with a label for the popup and toast', () => {
    const ids = DIALERS.map((dialer) => dialer.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['hubspot', 'ringcentral', 'aircall', 'justcall', 'zoom-phone', 'dialpad']),
    );
    expect(dialerLabel('zoom-phone')).toBe('Zoom Phone');
    expect(dialerLabel('unheard-of')).toBe('unheard-of');
  });
});
