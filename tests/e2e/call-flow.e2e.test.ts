/**
 * The thin path, all real: a call in the demo dialer → the detector → the background tracker →
 * a `calls` row → the toast → rated tough → Reset → the routine with a real breath → a `resets`
 * row → the popup shows the call.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallRecord, ResetRecord } from '../../src/db/schema';
import { ClosedShadowToast } from './closed-shadow';
import { ExtensionPopup } from './extension-popup';
import { type ExtensionSession, launchExtension } from './extension-session';

let session: ExtensionSession;

beforeEach(async () => {
  session = await launchExtension();
  // The default minimum (20 s) would make every test wait; the policy itself is unit-tested.
  await session.setSettings({ minCallSeconds: 1 });
});

afterEach(async () => {
  await session?.close();
});

async function makeCall(page: Page, talkMs: number): Promise<void> {
  const softphone = page.frameLocator('#softphone');
  await page.getByRole('button', { name: 'Call Dana Whitfield' }).click();
  await expect.poll(() => softphone.locator('#call-status').textContent()).toBe('On call');
  await page.waitForTimeout(talkMs);
  await softphone.getByRole('button', { name: 'Hang up' }).click();
}

async function waitForRows<T>(read: () => Promise<T[]>, count: number): Promise<T[]> {
  await expect.poll(async () => (await read()).length, { timeout: 10_000 }).toBe(count);
  return read();
}

describe('a call on the demo dialer', () => {
  it('is recorded, nudged, rated, reset, and shown in the popup', async () => {
    const page = await session.openDemoDialer('answerDelayMs=0');
    const toast = await ClosedShadowToast.attach(page);
    await makeCall(page, 1500);

    const [call] = await waitForRows(() => session.readTable<CallRecord>('calls'), 1);
    expect(call).toMatchObject({
      source: 'hubspot',
      outcome: 'completed',
      endReason: 'hang-up',
      direction: 'outbound',
    });
    expect(call?.host).toBe(new URL(session.server.url).host);
    expect(call?.durationMs).toBeGreaterThanOrEqual(1500);
    expect(call?.durationMs).toBeLessThan(10_000);

    await toast.waitShown();
    expect(await toast.text()).toContain('How did that one go?');
    expect(await toast.roleAttribute('status', 'aria-label')).toBe('Rebound');

    await toast.click('Tough');
    await expect.poll(async () => (await session.readTable<CallRecord>('calls'))[0]?.rating).toBe('tough');
    expect(await toast.buttonAttribute('Tough', 'aria-pressed')).toBe('true');

    await toast.click('Reset');
    const routine = await ExtensionPopup.waitFor(page, session.extensionUrl('popup/index.html'));
    await expect.poll(() => toast.isShown()).toBe(false);

    // Already rated in the toast, so the routine starts with the breath.
    await routine.waitForText('Breathe');
    const breathStarted = Date.now();
    await routine.waitForText('Ready for the next one', 15_000);
    expect(Date.now() - breathStarted).toBeGreaterThanOrEqual(4000);
    await routine.clickButton('Done');
    await routine.waitForText('Reset done');

    const [reset] = await waitForRows(() => session.readTable<ResetRecord>('resets'), 1);
    expect(reset).toMatchObject({ kind: 'after-call', callId: call?.id, steps: ['breathe-5', 'positive'] });
    expect(reset?.completedAt).toBeGreaterThanOrEqual(reset?.startedAt ?? Number.POSITIVE_INFINITY);

    const popup = await session.context.newPage();
    await popup.goto(session.extensionUrl('popup/index.html'));
    const lastCall = popup.getByTestId('last-call');
    await expect.poll(() => lastCall.textContent()).toContain('You rated it: Tough');
    expect(await lastCall.textContent()).toContain('Reset done');
    expect(await lastCall.textContent()).toContain('HubSpot calling');
    await popup.getByRole('button', { name: 'Quick reset' }).waitFor();

    expect(session.extensionErrors).toEqual([]);
  });
});
