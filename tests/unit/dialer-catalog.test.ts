import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json';
import english from '../../public/_locales/en/messages.json';
import { DIALERS } from '../../src/dialers/catalog';
import { dialerLabel, dialerLabelKey } from '../../src/dialers/dialer-label';

describe('dialer catalog', () => {
  it('asks only for hosts the manifest lists as optional, and for none at install', () => {
    const optional = new Set(manifest.optional_host_permissions);
    for (const dialer of DIALERS) {
      for (const host of dialer.hosts) expect(optional, `${dialer.id}: ${host}`).toContain(host);
    }
    expect('host_permissions' in manifest).toBe(false);
    expect(JSON.stringify(manifest.optional_host_permissions)).not.toContain('<all_urls>');
  });

  it('has one entry per source id', () => {
    const ids = DIALERS.map((dialer) => dialer.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['hubspot', 'ringcentral', 'aircall', 'justcall', 'zoom-phone', 'dialpad']),
    );
  });

  it('names every family, and the WebRTC source, with a message of its own (dialer_<id>)', () => {
    const keys = new Set(Object.keys(english));
    for (const id of [...DIALERS.map((dialer) => dialer.id), 'webrtc']) {
      expect(keys, `${id} needs the message ${dialerLabelKey(id)}`).toContain(dialerLabelKey(id));
    }
    expect(dialerLabelKey('zoom-phone')).toBe('dialer_zoom_phone');
    expect(dialerLabel('zoom-phone')).toBe('Zoom Phone');
    expect(dialerLabel('custom')).toBe('Your site');
    expect(dialerLabel('webrtc')).toBe('Browser call');
    expect(dialerLabel('unheard-of')).toBe('unheard-of');
  });
});
