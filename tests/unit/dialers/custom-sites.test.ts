import { describe, expect, it } from 'vitest';
import { customSiteFor, originFromInput, originPattern } from '../../../src/dialers/custom-sites';
import { settingsFrom } from '../../../src/settings/settings';

describe('custom sites', () => {
  it('turns what the rep types into an origin, or nothing', () => {
    expect(originFromInput('crm.acme.test')).toBe('https://crm.acme.test');
    expect(originFromInput(' http://localhost:8080/calls ')).toBe('http://localhost:8080');
    expect(originFromInput('HTTPS://CRM.Acme.Test/x')).toBe('https://crm.acme.test');
    for (const bad of ['', 'intranet', 'ftp://files.acme.test', 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect(originFromInput(bad), bad).toBeUndefined();
    }
  });

  it('asks for the host without the port, as match patterns need', () => {
    expect(originPattern('http://localhost:8080')).toBe('http://localhost/*');
    expect(customSiteFor([{ origin: 'https://a.test', detect: 'webrtc' }], 'https://a.test')).toBeDefined();
    expect(customSiteFor([{ origin: 'https://a.test', detect: 'webrtc' }], 'https://b.test')).toBeUndefined();
  });

  it('keeps only valid sites from stored settings, with none by default', () => {
    expect(settingsFrom({}).customSites).toEqual([]);
    expect(settingsFrom({ customSites: [{ origin: 'https://a.test/path', detect: 'webrtc' }] }).customSites).toEqual(
      [],
    );
    expect(
      settingsFrom({ customSites: [{ origin: 'https://a.test', detect: 'elements', inCallSelector: '.x' }] })
        .customSites,
    ).toEqual([{ origin: 'https://a.test', detect: 'elements', inCallSelector: '.x' }]);
  });
});
