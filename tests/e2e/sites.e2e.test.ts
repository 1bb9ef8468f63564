/**
 * Turning detection on: the onboarding page opened on install lists the dialers (none on: the
 * store hosts are asked for, not granted); Options → Sites adds the rep's own site with
 * selectors, shows live whether a call is seen there, and removes it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIALERS } from '../../src/dialers/catalog';
import { extensionUnderTest } from './extension-under-test';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest();

const TALK_MS = 1500;

function localhostUrl(pathname: string): URL {
  const url = new URL(pathname, session.server.url);
  url.hostname = 'localhost';
  return url;
}

async function callOnCustomSite(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Dial' }).click();
  await expect.poll(() => page.locator('#call-status').textContent()).toBe('On call');
}

describe('turning detection on', () => {
  it('opens the onboarding page on install, listing every known dialer, all off', async () => {
    await expect
      .poll(() => session.context.pages().some((page) => page.url() === session.extensionUrl('onboarding/index.html')))
      .toBe(true);
    const onboarding = session.context.pages().find((page) => page.url().endsWith('onboarding/index.html')) as Page;
    await onboarding.getByRole('heading', { name: 'Welcome to Rebound' }).waitFor();
    const switches = onboarding.locator('.dialers').getByRole('switch');
    await expect.poll(() => switches.count()).toBe(DIALERS.length);
    // Conversation signals are offered there too, on by default, off in one click.
    const signals = onboarding.getByRole('switch', { name: 'Conversation signals (stay on this computer)' });
    await expect.poll(() => signals.isChecked()).toBe(true);
    for (const name of ['HubSpot calling', 'RingCentral', 'Aircall', 'Google Voice', 'Outreach']) {
      const dialer = onboarding.getByRole('switch', { name });
      await expect.poll(() => dialer.isEnabled()).toBe(true);
      expect(await dialer.isChecked()).toBe(false);
    }
    expect(session.extensionErrors).toEqual([]);
  });

  it('groups the dialers on the onboarding page, and asks where a widget lives once it is on', async () => {
    const onboarding = await session.context.newPage();
    await onboarding.goto(session.extensionUrl('onboarding/index.html'));
    for (const group of ['Sales dialers and phones', 'Contact centres', 'CRMs with calling', 'Meetings']) {
      await onboarding.getByRole('heading', { name: group, level: 2 }).waitFor();
    }
    await onboarding.getByRole('region', { name: 'Meetings' }).getByRole('switch', { name: 'Google Meet' }).waitFor();
    // Headless Chromium shows no prompt: the browser's record of the grant lets the click through.
    await session.approveSiteAccess('https://app.ringcentral.com/*');
    await session.approveSiteAccess('https://apps.ringcentral.com/*');
    const ringcentral = onboarding.getByRole('switch', { name: 'RingCentral' });
    await expect.poll(() => ringcentral.isEnabled()).toBe(true);
    await ringcentral.click();
    await onboarding
      .getByText('RingCentral is on in its own tab. Does it also live inside your CRM?', { exact: false })
      .waitFor();
    await onboarding.getByLabel('RingCentral inside a CRM at').waitFor();
    expect(session.extensionErrors).toEqual([]);
  });

  it('adds a custom site by selectors, sees its call live, records it, and forgets it on removal', async () => {
    const options = await session.context.newPage();
    await options.goto(session.extensionUrl('options/index.html#sites'));
    const origin = localhostUrl('/').origin;
    await options.getByLabel('Site address').fill(origin);
    await options.getByRole('radio', { name: 'By elements on the page' }).check();
    await options.getByLabel('"On a call" element (CSS selector, optional)').fill('.on-air');
    await options.getByRole('button', { name: 'Add site' }).click();
    await options.getByText(`Added ${origin}`).waitFor();
    const seen = options.getByTestId('call-seen');
    await expect.poll(() => seen.textContent()).toBe('No call seen yet. Make a test call there to check.');

    const crm = await session.context.newPage();
    await crm.goto(localhostUrl('/custom-site/index.html').href);
    await callOnCustomSite(crm);
    await expect.poll(() => seen.textContent(), { timeout: 10_000 }).toBe('Call seen: on a call there now.');
    await crm.waitForTimeout(TALK_MS);
    await crm.getByRole('button', { name: 'Finish' }).click();

    const [call] = await waitForCalls(session, 1);
    expect(call).toMatchObject({ source: 'custom', host: new URL(origin).host, endReason: 'hang-up' });
    expect(call?.durationMs).toBeGreaterThanOrEqual(TALK_MS);
    await expect.poll(() => seen.textContent()).toMatch(/^Last call seen: .+, \d/);

    // The same page on a site the rep did not add: no call.
    const elsewhere = await session.context.newPage();
    await elsewhere.goto(`${session.server.url}custom-site/index.html`);
    await callOnCustomSite(elsewhere);
    await elsewhere.getByRole('button', { name: 'Finish' }).click();

    await options.getByRole('button', { name: `Remove ${origin}` }).click();
    await options.getByText(`Removed ${origin}`).waitFor();
    await crm.reload();
    await callOnCustomSite(crm);
    await crm.getByRole('button', { name: 'Finish' }).click();
    await crm.waitForTimeout(1500);
    expect(await session.readTable('calls')).toHaveLength(1);
    expect(session.extensionErrors).toEqual([]);
  });

  it('refuses a site address or selector that cannot work, saying why', async () => {
    const options = await session.context.newPage();
    await options.goto(session.extensionUrl('options/index.html#sites'));
    await options.getByLabel('Site address').fill('not a site');
    await options.getByRole('button', { name: 'Add site' }).click();
    await options.getByRole('alert').getByText('Enter a web address, like crm.example.com.').waitFor();
    await options.getByLabel('Site address').fill('crm.example.com');
    await options.getByRole('radio', { name: 'By elements on the page' }).check();
    await options.getByRole('button', { name: 'Add site' }).click();
    await options.getByRole('alert').getByText('Give at least one of the two').waitFor();
    await options.getByLabel('Hang-up control (CSS selector, optional)').fill('button[');
    await options.getByRole('button', { name: 'Add site' }).click();
    await options.getByRole('alert').getByText('"button[" is not a CSS selector the browser understands.').waitFor();
    await options.getByLabel('Site address').fill('*://*/*');
    await options.getByRole('button', { name: 'Add site' }).click();
    await options
      .getByRole('alert')
      .getByText('Site address: "*://*/*" would let Rebound into every site.', { exact: false })
      .waitFor();
    await options.getByLabel('Site address').fill('co.uk');
    await options.getByRole('button', { name: 'Add site' }).click();
    await options
      .getByRole('alert')
      .getByText('Site address: "co.uk" is shared by many sites', { exact: false })
      .waitFor();
    await options.getByLabel('Site address').fill('https://acme.zendesk.com');
    await options.getByRole('button', { name: 'Add site' }).click();
    await options
      .getByRole('alert')
      .getByText('Site address: https://acme.zendesk.com belongs to Zendesk Talk.', { exact: false })
      .waitFor();
    expect(session.extensionErrors).toEqual([]);
  });
});
