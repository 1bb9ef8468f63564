// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { GeneralSection } from '../../../src/options/sections/GeneralSection';
import { ConversationSignalsSwitch } from '../../../src/options/sites/ConversationSignalsSwitch';
import { CustomSites } from '../../../src/options/sites/CustomSites';
import { DialerList } from '../../../src/options/sites/DialerList';
import { OpenLineField } from '../../../src/options/sites/OpenLineField';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { OrganizationAccess } from '../../../src/ui/OrganizationAccess';
import { openFixtureDb } from '../db/history-fixture';
import fakeBrowser from '../fakes/fake-browser';

afterEach(cleanup);

const ORG_SITE = { origin: 'https://crm.acme.example', detect: 'webrtc' } as const;

describe('Options with an organization’s policy', () => {
  it('shows what the policy sets as set by the organization, not editable; the rest stays the rep’s', async () => {
    await fakeBrowser.storage.managed.set({ supportContact: 'mailto:coach@acme.example', delivery: 'window' });
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, supportContact: 'Ana', minCallSeconds: 45 },
    });
    render(<GeneralSection />);
    const contact = (await screen.findByLabelText(
      /^Who you can talk to after a run of tough calls/,
    )) as HTMLInputElement;
    expect(contact.value).toBe('mailto:coach@acme.example');
    expect(contact.disabled).toBe(true);
    expect(contact.getAttribute('aria-describedby')).toContain('support-managed');
    expect(document.getElementById('support-managed')?.textContent).toBe('Set by your organization');
    expect((screen.getByRole('radio', { name: /reset window/i }) as HTMLInputElement).checked).toBe(true);
    expect(
      (screen.getByRole('radio', { name: /reset window/i }) as HTMLInputElement).closest('fieldset')?.disabled,
    ).toBe(true);

    const minimum = screen.getByDisplayValue('45') as HTMLInputElement;
    expect(minimum.disabled).toBe(false);
    fireEvent.change(minimum, { target: { value: '60' } });
    await waitFor(async () =>
      expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({
        minCallSeconds: 60,
        supportContact: 'Ana',
        delivery: 'toast',
      }),
    );
  });

  it('lists the organization’s site without a Remove button, and its dialers as turned on by it', async () => {
    await fakeBrowser.storage.managed.set({ customSites: [ORG_SITE], dialers: ['ringcentral'] });
    const db = await openFixtureDb('managed-sites');
    render(<CustomSites db={db} />);
    await screen.findByText(ORG_SITE.origin);
    expect(screen.queryByRole('button', { name: `Remove ${ORG_SITE.origin}` })).toBeNull();
    expect(screen.getByText('Set by your organization')).toBeDefined();
    cleanup();
    render(<DialerList />);
    await screen.findByText('Turned on by your organization');
    expect(screen.getByRole('switch', { name: 'RingCentral' }).getAttribute('aria-describedby')).toContain(
      'org-ringcentral',
    );
    await db.delete();
  });
});

describe('OrganizationAccess', () => {
  it('says what waits for the rep’s allow, asks for all of it in one request, and goes once granted', async () => {
    await fakeBrowser.storage.managed.set({ customSites: [ORG_SITE], dialers: ['ringcentral'] });
    render(<OrganizationAccess />);
    const card = await screen.findByTestId('organization-access');
    expect(card.textContent).toContain(
      'Your organization turned on RingCentral and crm.acme.example for you. Rebound hears calls there once you allow it.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Allow it' }));
    await screen.findByText('Allowed. Rebound listens there now.');
    expect(fakeBrowser.permissions.requested).toEqual([
      { origins: ['https://app.ringcentral.com/*', 'https://apps.ringcentral.com/*', 'https://crm.acme.example/*'] },
    ]);
    await waitFor(() => expect(screen.queryByTestId('organization-access')).toBeNull());
    screen.getByText('Allowed. Rebound listens there now.');
  });

  it('locks a field when a policy lands while the page is open', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, supportContact: 'Ana' } });
    render(<GeneralSection />);
    const contact = (await screen.findByLabelText(
      /^Who you can talk to after a run of tough calls/,
    )) as HTMLInputElement;
    await waitFor(() => expect(contact.value).toBe('Ana'));
    expect(contact.disabled).toBe(false);
    await fakeBrowser.storage.managed.set({ supportContact: 'mailto:coach@acme.example' });
    fakeBrowser.storage.onChanged.emit({ supportContact: { newValue: 'mailto:coach@acme.example' } }, 'managed');
    await waitFor(() => expect(contact.value).toBe('mailto:coach@acme.example'));
    expect(contact.disabled).toBe(true);
  });

  it('shows nothing without a policy', async () => {
    const { container } = render(<OrganizationAccess />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.textContent).toBe('');
  });
});

describe('conversation signals set by the organization', () => {
  it('show the organization’s choice, not editable', async () => {
    await fakeBrowser.storage.managed.set({ conversationSignals: false });
    render(<ConversationSignalsSwitch />);
    await screen.findByText('Set by your organization');
    const toggle = screen.getByRole('switch') as HTMLInputElement;
    expect(toggle.disabled).toBe(true);
    expect(toggle.checked).toBe(false);
    expect(toggle.getAttribute('aria-describedby')).toContain('signals-managed');
  });

  it('a site’s open line says it needs signals as soon as a policy turns them off', async () => {
    render(<OpenLineField site="https://crm.example.com" />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'This dialer keeps the line open between calls' }));
    await screen.findByRole('spinbutton');
    expect(screen.queryByText(/needs conversation signals/i)).toBeNull();
    await fakeBrowser.storage.managed.set({ conversationSignals: false });
    fakeBrowser.storage.onChanged.emit({ conversationSignals: { newValue: false } }, 'managed');
    await screen.findByText(/needs conversation signals/i);
  });

  it('a policy that lands while the switch is shown locks it at once, and gives it back when it goes', async () => {
    render(<ConversationSignalsSwitch />);
    const toggle = (await screen.findByRole('switch')) as HTMLInputElement;
    await waitFor(() => expect(toggle.checked).toBe(true));
    await fakeBrowser.storage.managed.set({ conversationSignals: false });
    fakeBrowser.storage.onChanged.emit({ conversationSignals: { newValue: false } }, 'managed');
    await screen.findByText('Set by your organization');
    expect(toggle.checked).toBe(false);
    expect(toggle.disabled).toBe(true);
    fakeBrowser.storage.managed.reset();
    fakeBrowser.storage.onChanged.emit({ conversationSignals: { oldValue: false } }, 'managed');
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect(toggle.disabled).toBe(false);
    expect(screen.queryByText('Set by your organization')).toBeNull();
  });
});
