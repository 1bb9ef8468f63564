// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { openReboundDb } from '../../../src/db/schema';
import { CustomSites, siteFromDraft } from '../../../src/options/sites/CustomSites';
import { DialerList } from '../../../src/options/sites/DialerList';
import { loadSettings } from '../../../src/settings/settings-store';
import fake from '../fakes/fake-browser';

afterEach(() => cleanup());

describe('Options → Sites: dialers', () => {
  it('turns a dialer on by asking for its hosts, and off by giving them back', async () => {
    render(<DialerList />);
    const voice = (await screen.findByRole('switch', { name: 'Google Voice' })) as HTMLInputElement;
    await waitFor(() => expect(voice.disabled).toBe(false));
    expect(voice.checked).toBe(false);

    fireEvent.click(voice);
    await screen.findByText('Google Voice is on: reload its tab and Rebound will notice your calls there.');
    expect(fake.permissions.requested).toEqual([{ origins: ['https://voice.google.com/*'] }]);
    expect(voice.checked).toBe(true);

    fireEvent.click(voice);
    await screen.findByText('Google Voice is off: Rebound no longer runs there.');
    expect(fake.permissions.granted.has('https://voice.google.com/*')).toBe(false);
    expect(voice.checked).toBe(false);
  });

  it('stays off, and says so, when the rep declines the prompt', async () => {
    fake.permissions.answer = false;
    render(<DialerList />);
    const aircall = (await screen.findByRole('switch', { name: 'Aircall' })) as HTMLInputElement;
    await waitFor(() => expect(aircall.disabled).toBe(false));
    fireEvent.click(aircall);
    await screen.findByText('Access to Aircall was not given, so nothing changed.');
    expect(aircall.checked).toBe(false);
  });
});

describe('Options → Sites: your own sites', () => {
  it('adds a WebRTC site after access is given, and removes it', async () => {
    render(<CustomSites db={openReboundDb('sites-test')} />);
    fireEvent.input(await screen.findByLabelText('Site address'), {
      target: { value: 'https://crm.acme.test/deals/7' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    await screen.findByText('Added https://crm.acme.test: reload its tab, then make a test call.');
    expect(fake.permissions.requested).toEqual([{ origins: ['https://crm.acme.test/*'] }]);
    expect((await loadSettings()).customSites).toEqual([{ origin: 'https://crm.acme.test', detect: 'webrtc' }]);
    await screen.findByText('No call seen yet. Make a test call there to check.');

    fireEvent.click(screen.getByRole('button', { name: 'Remove https://crm.acme.test' }));
    await screen.findByText('Removed https://crm.acme.test.');
    expect((await loadSettings()).customSites).toEqual([]);
    expect(fake.permissions.granted.has('https://crm.acme.test/*')).toBe(false);
  });

  it('refuses a site that is too broad or that a known dialer covers, naming the field', () => {
    const draft = (site: string) => ({ site, detect: 'webrtc' as const, inCall: '', hangUp: '' });
    expect(siteFromDraft(draft('*://*/*'), document).error).toBe(
      'Site address: "*://*/*" would let Rebound into every site. Name one site, like crm.example.com.',
    );
    expect(siteFromDraft(draft('co.uk'), document).error).toBe(
      'Site address: "co.uk" is shared by many sites, not one of yours. Name your site, like crm.example.com.',
    );
    expect(siteFromDraft(draft('acme.zendesk.com'), document).error).toBe(
      'Site address: acme.zendesk.com belongs to Zendesk Talk. Turn Zendesk Talk on under Dialers instead, so Rebound hears it the right way.',
    );
  });

  it('validates the draft before asking for anything', () => {
    const draft = { site: 'crm.acme.test', detect: 'elements' as const, inCall: '', hangUp: '' };
    expect(siteFromDraft({ ...draft, site: 'javascript:alert(1)' }, document).error).toBe(
      'Enter a web address, like crm.example.com.',
    );
    expect(siteFromDraft(draft, document).error).toMatch(/^Give at least one/);
    expect(siteFromDraft({ ...draft, hangUp: 'button[' }, document).error).toMatch(/not a CSS selector/);
    expect(siteFromDraft({ ...draft, inCall: ' .on-air ' }, document).site).toEqual({
      origin: 'https://crm.acme.test',
      detect: 'elements',
      inCallSelector: '.on-air',
      hangUpSelector: undefined,
    });
  });
});
