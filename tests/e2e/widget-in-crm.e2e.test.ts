/**
 * With the test flavour that grants only a widget's origin (`widget-only`: localhost, as a store
 * build after the rep turns RingCentral on), and the rep's CRM on 127.0.0.1:
 * - the toast is never loaded into the CRM before the grant, and is as a call starts after it;
 * - tabs already open on a site the rep then allows get the detector without a reload;
 * - a RingCentral widget with audio inside the CRM (tests/fixtures/crm-widget) is heard through
 *   WebRTC in the widget frame only, the offer names the CRM page, and after the one-click grant
 *   the same call is heard with its outcome and direction, in the tab already open.
 * Headless Chromium cannot show the permission prompt: `approveSiteAccess` puts the site on the
 * browser's record first (chrome://extensions site access), so the rep's click resolves at once.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { extensionUnderTest } from './extension-under-test';
import { grantedOrigins, localhostOrigin } from './loopback-origins';
import { openPopup } from './popup-driver';
import { TOAST_SHOWN, toastAnswerIn } from './toast-listening';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest({ launch: { flavour: 'widget-only' } });

const TALK_MS = 1500;
const CRM_GRANT = 'http://127.0.0.1/*';

/** The CRM's tab, in front: the worker may not match its address before the grant. */
const FRONT_TAB = { active: true, lastFocusedWindow: true } as const;

const crmHost = () => new URL(session.server.url).host;
/** A call in the widget; `whileOnCall` runs once it has talked for TALK_MS, before the hang-up. */
async function callInWidget(crm: Page, whileOnCall?: () => Promise<void>): Promise<void> {
  const widget = crm.frameLocator('#widget');
  await widget.getByRole('button', { name: 'Call', exact: true }).click();
  await expect.poll(() => widget.locator('#call-status').textContent()).toBe('On call');
  await expect.poll(() => widget.locator('body').getAttribute('data-audio'), { timeout: 15_000 }).toBe('connected');
  await crm.waitForTimeout(TALK_MS);
  await whileOnCall?.();
  await widget.getByRole('button', { name: 'Hang up' }).click();
}

describe('the widget-only flavour', () => {
  it('grants only the widget origin at install', async () => {
    expect(await grantedOrigins(session)).toEqual(['http://localhost/*']);
  });

  it('brings the detector to a tab already open on a site the rep then allows, without a reload', async () => {
    const page = await session.openFixture('webrtc-call/index.html');
    await page.evaluate(() => Object.assign(window, { openedBefore: true }));
    await page.getByRole('button', { name: 'Start call' }).click();
    await expect.poll(() => page.locator('#call-status').textContent(), { timeout: 15_000 }).toBe('Connected');
    await page.getByRole('button', { name: 'Hang up' }).click();
    await page.waitForTimeout(1500);
    expect(await session.countRows('calls')).toBe(0);

    await session.approveSiteAccess(CRM_GRANT);
    const options = await session.context.newPage();
    await options.goto(session.extensionUrl('options/index.html#sites'));
    await options.getByLabel('Site address').fill(session.server.origin);
    await options.getByRole('button', { name: 'Add site' }).click();
    await options.getByText(`Added ${session.server.origin}`).waitFor();

    await page.bringToFront();
    await page.getByRole('button', { name: 'Start call' }).click();
    await expect.poll(() => page.locator('#call-status').textContent(), { timeout: 15_000 }).toBe('Connected');
    await page.waitForTimeout(TALK_MS);
    await page.getByRole('button', { name: 'Hang up' }).click();
    const [call] = await waitForCalls(session, 1);
    expect(call).toMatchObject({ source: 'webrtc', host: crmHost(), outcome: 'completed' });
    expect(await page.evaluate(() => (window as unknown as { openedBefore?: boolean }).openedBefore)).toBe(true);
    expect(session.extensionErrors).toEqual([]);
  });

  it('hears a widget inside the CRM by its audio, offers the CRM page, and after the grant hears its call events', async () => {
    const crm = await session.openFixture(
      `crm-widget/index.html?widgetOrigin=${encodeURIComponent(localhostOrigin(session))}`,
    );
    // The toast is loaded where a call starts, but never into a page the rep has not allowed:
    // the CRM's top frame has nothing of Rebound listening through the widget's whole call.
    const noToastInCrm = async () =>
      expect(await toastAnswerIn(session, FRONT_TAB)).toMatch(/Receiving end does not exist/);
    await crm.bringToFront();
    await callInWidget(crm, noToastInCrm);
    const [heardByAudio] = await waitForCalls(session, 1);
    expect(heardByAudio).toMatchObject({ source: 'webrtc', outcome: 'completed' });
    expect(heardByAudio?.direction).toBeUndefined();
    expect(heardByAudio?.host).toBe(crmHost());

    const popup = await openPopup(session);
    const offer = `RingCentral is inside ${crmHost()}: let Rebound hear its call events there.`;
    await popup.getByText(offer).waitFor();
    const options = await session.context.newPage();
    await options.goto(session.extensionUrl('options/index.html#sites'));
    await options.getByText(offer).waitFor();
    await options.close();

    await session.approveSiteAccess(CRM_GRANT);
    await popup.getByRole('button', { name: 'Allow' }).click();
    await popup.getByText(`Rebound now hears RingCentral inside ${crmHost()}`, { exact: false }).waitFor();
    expect(await grantedOrigins(session)).toContain(CRM_GRANT);
    await expect.poll(() => popup.getByText(offer).count()).toBe(0);

    // Allowed now, the CRM gets the toast as the next call starts there, before its end.
    await crm.bringToFront();
    await noToastInCrm();
    await callInWidget(crm, () =>
      expect.poll(() => toastAnswerIn(session, FRONT_TAB), { timeout: 5000 }).toBe(TOAST_SHOWN),
    );
    const calls = await waitForCalls(session, 2);
    const heardInCrm = calls.find((call) => call.source === 'ringcentral');
    expect(heardInCrm).toMatchObject({ direction: 'outbound', outcome: 'completed', host: crmHost() });
    expect(heardInCrm?.durationMs).toBeGreaterThanOrEqual(TALK_MS);
    await crm.waitForTimeout(1000);
    expect(await session.countRows('calls')).toBe(2);
    expect(session.extensionErrors).toEqual([]);
  });
});
