// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { openReboundDb } from '../../../src/db/schema';
import { makeWidgetOffer, openWidgetOffers } from '../../../src/dialers/widget-offers';
import { CustomSites, siteFromDraft } from '../../../src/options/sites/CustomSites';
import { DialerList } from '../../../src/options/sites/DialerList';
import { WidgetOffers } from '../../../src/options/sites/WidgetOffers';
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
    await screen.findByText(
      'Google Voice is on. Tabs already open there get Rebound now; a call already going on in one counts from the next call.',
    );
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

describe('Options → Sites: groups and widgets', () => {
  it('shows the dialers under four group headings', async () => {
    render(<DialerList />);
    for (const heading of ['Sales dialers and phones', 'Contact centres', 'CRMs with calling', 'Meetings']) {
      await screen.findByRole('heading', { name: heading });
    }
    const meetings = screen.getByRole('region', { name: 'Meetings' });
    expect(meetings.textContent).toContain('Google Meet');
    expect(meetings.textContent).toContain('Microsoft Teams (personal)');
    expect(meetings.textContent).not.toContain('Five9');
    expect(screen.getByRole('region', { name: 'Contact centres' }).textContent).toContain('Amazon Connect CCP');
  });

  it('asks a widget that is on which CRM it lives in, and allows that page', async () => {
    render(<DialerList />);
    const ringcentral = (await screen.findByRole('switch', { name: 'RingCentral' })) as HTMLInputElement;
    await waitFor(() => expect(ringcentral.disabled).toBe(false));
    expect(screen.queryByLabelText('RingCentral inside a CRM at')).toBeNull();
    fireEvent.click(ringcentral);
    const field = await screen.findByLabelText('RingCentral inside a CRM at');
    fireEvent.input(field, { target: { value: 'co.uk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Let Rebound hear it there' }));
    await screen.findByText(/Site address: "co.uk" is shared by many sites/);

    fireEvent.input(field, { target: { value: 'https://crm.acme.test/deals' } });
    fireEvent.click(screen.getByRole('button', { name: 'Let Rebound hear it there' }));
    await screen.findByText(/Rebound now hears RingCentral inside crm.acme.test/);
    expect(fake.permissions.requested).toContainEqual({ origins: ['https://crm.acme.test/*'] });
    expect((await loadSettings()).widgetPages).toEqual([{ family: 'ringcentral', origin: 'https://crm.acme.test' }]);
    await screen.findByText('RingCentral inside crm.acme.test');
  });

  it('offers once per widget and site, allows it in one click, and "not now" is for good', async () => {
    expect(await makeWidgetOffer('ringcentral', 'https://crm.acme.test', 1)).toBe(true);
    expect(await makeWidgetOffer('ringcentral', 'https://crm.acme.test', 2)).toBe(false);
    await makeWidgetOffer('aircall', 'https://helpdesk.acme.test', 3);
    render(<WidgetOffers />);
    await screen.findByText('RingCentral is inside crm.acme.test: let Rebound hear its call events there.');
    await screen.findByText('Aircall is inside helpdesk.acme.test: let Rebound hear its call events there.');

    fireEvent.click(screen.getAllByRole('button', { name: 'Allow' })[1] as HTMLElement);
    await screen.findByText(/Rebound now hears RingCentral inside crm.acme.test/);
    expect(fake.permissions.requested).toEqual([{ origins: ['https://crm.acme.test/*'] }]);
    expect((await loadSettings()).widgetPages).toEqual([{ family: 'ringcentral', origin: 'https://crm.acme.test' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByText(/Aircall is inside/)).toBeNull());
    expect(await openWidgetOffers()).toEqual([]);
    expect(await makeWidgetOffer('aircall', 'https://helpdesk.acme.test', 4)).toBe(false);
  });
});

describe('Options → Sites: your own sites', () => {
  it('adds a WebRTC site after access is given, and removes it', async () => {
    render(<CustomSites db={openReboundDb('sites-test')} />);
    fireEvent.input(await screen.findByLabelText('Site address'), {
      target: { value: 'https://crm.acme.test/deals/7' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    await screen.findByText('Added https://crm.acme.test: tabs already open there have Rebound now. Make a test call.');
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
