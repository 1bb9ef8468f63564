/**
 * An organization's policy in a real Chromium: the policy file goes where Chromium on Linux reads
 * it (/etc/chromium/policies/managed/, "3rdparty" → extensions → this build's id) and is removed
 * in a `finally`. The id is the one Chromium derives from the folder the extension is loaded from:
 * this file loads a copy of the demo build from a folder of its own, so the browsers other files
 * run at the same time (from dist/demo) never see the policy. Chromium honours "3rdparty" for
 * an unpacked extension that declares storage.managed_schema (measured here).
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { distDir } from '../../scripts/build';
import { unpackedExtensionId, writeManagedPolicy } from '../../scripts/driver/managed-policy';
import { extensionUnderTest } from './extension-under-test';
import { demoBuildCopyForPolicy, managedStorage } from './policy-copy';
import { waitForCalls } from './wait-for-calls';

const extensionDir = demoBuildCopyForPolicy('policy');

const session = extensionUnderTest({
  settings: { minCallSeconds: 0, supportContact: 'my own coach' },
  launch: { extensionDir },
});

const policyNow = () => managedStorage(session);

async function openPage(url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  return page;
}

it('a managed support contact and a managed custom site take effect, shown as set by the organization; a managed dialer waits for the rep’s allow', async () => {
  expect(session.extensionId).toBe(unpackedExtensionId(extensionDir));
  expect(session.extensionId).not.toBe(unpackedExtensionId(distDir('chrome', 'demo')));
  const site = new URL('/', session.server.url);
  site.hostname = 'localhost';
  const removePolicy = await writeManagedPolicy(session.extensionId, {
    supportContact: 'mailto:coach@acme.example',
    customSites: [{ origin: site.origin, detect: 'elements', inCallSelector: '.on-air' }],
    dialers: ['ringcentral'],
  });
  try {
    // Chromium watches its policy folder: the policy lands while the browser runs.
    await expect.poll(policyNow, { timeout: 30_000 }).toHaveProperty('supportContact', 'mailto:coach@acme.example');

    const general = await openPage(session.extensionUrl('options/index.html#general'));
    const contact = general.getByLabel(/^Who you can talk to after a run of tough calls/);
    await expect.poll(() => contact.inputValue()).toBe('mailto:coach@acme.example');
    expect(await contact.isDisabled()).toBe(true);
    await general.locator('#support-managed').getByText('Set by your organization').waitFor();

    const sites = await openPage(session.extensionUrl('options/index.html#sites'));
    const orgSite = sites.locator('li.dialer', { hasText: site.origin });
    await orgSite.getByText('Set by your organization').waitFor();
    expect(await orgSite.getByRole('button', { name: `Remove ${site.origin}` }).count()).toBe(0);
    await sites.locator('li.dialer', { hasText: 'RingCentral' }).getByText('Turned on by your organization').waitFor();

    // The organization's site is heard like one the rep added.
    const crm = await openPage(new URL('custom-site/index.html', site).href);
    await crm.getByRole('button', { name: 'Dial' }).click();
    await expect.poll(() => crm.locator('#call-status').textContent()).toBe('On call');
    // Hung up once Rebound has seen the call start there.
    await expect
      .poll(async () => Object.keys((await session.localValue<object>('liveCallShadows')) ?? {}).length, {
        timeout: 10_000,
      })
      .toBe(1);
    await crm.getByRole('button', { name: 'Finish' }).click();
    const [call] = await waitForCalls(session, 1);
    expect(call).toMatchObject({ source: 'custom', host: site.host });

    // RingCentral's hosts are not granted (policy cannot grant them): the popup says it waits.
    const popup = await openPage(session.extensionUrl('popup/index.html'));
    await popup
      .getByTestId('organization-access')
      .getByText('Your organization turned on RingCentral for you.', { exact: false })
      .waitFor();
    await popup.getByRole('button', { name: 'Allow it' }).waitFor();
    // What the rep stored stays theirs underneath, for when the policy goes.
    await expect
      .poll(async () => (await session.localValue<Record<string, unknown>>('settings'))?.supportContact)
      .toBe('my own coach');
  } finally {
    await removePolicy();
  }
  expect(session.extensionErrors).toEqual([]);
});
