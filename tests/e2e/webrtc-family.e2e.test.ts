/**
 * A call heard only through the WebRTC hook is named for the family whose app it was heard in.
 * The demo flavour maps two fixtures onto catalog families, as their real hosts would be in a
 * store build (src/dialers/catalog.ts, DEMO_AUDIO_PAGES): the contact centre's softphone frame on
 * localhost stands in for Amazon Connect's CCP, the meeting page for Google Meet. The WebRTC call
 * page maps to no family and stays a browser call.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import type { CallRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { localhostOrigin } from './loopback-origins';
import { expectNudgeOutcome } from './nudge-outcome';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest({ settings: { minCallSeconds: 1, cooldownMinutes: 0 } });

const TALK_MS = 1500;

/** The row History shows for the newest call, as the rep reads it. */
async function newestHistoryRow(): Promise<string> {
  const history = await session.context.newPage();
  await history.goto(session.extensionUrl('options/index.html#history'));
  const row = history.locator('.history-row').first();
  await row.waitFor();
  return (await row.textContent()) ?? '';
}

async function meetingOnFixture(): Promise<Page> {
  const meeting = await session.openFixture('meeting/index.html');
  await meeting.getByRole('button', { name: 'Join' }).click();
  await expect.poll(() => meeting.locator('#call-status').textContent(), { timeout: 15_000 }).toBe('In the meeting');
  await meeting.waitForTimeout(TALK_MS);
  await meeting.getByRole('button', { name: 'Leave' }).click();
  return meeting;
}

describe('a call the WebRTC hook heard on a family’s host', () => {
  it('in a contact centre’s softphone frame is that contact centre’s, in the toast and History', async () => {
    const desktop = await session.openFixture(
      `contact-centre/index.html?softphoneOrigin=${encodeURIComponent(localhostOrigin(session))}`,
    );
    const toast = await ClosedShadowToast.attach(desktop);
    const softphone = desktop.frameLocator('#softphone');
    await softphone.getByRole('button', { name: 'Accept call' }).click();
    await expect.poll(() => softphone.locator('#call-status').textContent(), { timeout: 15_000 }).toBe('On call');
    await desktop.waitForTimeout(TALK_MS);
    await softphone.getByRole('button', { name: 'End call' }).click();

    const [call] = await waitForCalls(session, 1);
    expect(call).toMatchObject({ source: 'amazon-connect', host: new URL(session.server.url).host });
    await toast.waitShown();
    expect(await toast.text()).toContain('Amazon Connect CCP');
    expect(await toast.text()).not.toContain('Browser call');
    expect(await newestHistoryRow()).toContain('Amazon Connect CCP');
    expect(session.extensionErrors).toEqual([]);
  });

  it('on a meeting’s page is the meeting’s, with the meeting minimum (no nudge for a short one)', async () => {
    const meeting = await meetingOnFixture();
    const toast = await ClosedShadowToast.attach(meeting);
    const [call] = await waitForCalls(session, 1);
    expect(call).toMatchObject({ source: 'google-meet', outcome: 'completed' });
    // The call minimum here is 1 s; a meeting's is 5 min by default: too short, no toast comes.
    await expectNudgeOutcome(session, call?.callKey, 'too-short');
    expect(await toast.isShown()).toBe(false);
    expect(await newestHistoryRow()).toContain('Google Meet');
    expect(session.extensionErrors).toEqual([]);
  });

  it('on a host no family has stays a browser call, nudged by the call minimum', async () => {
    const page = await session.openFixture('webrtc-call/index.html?mode=audio');
    const toast = await ClosedShadowToast.attach(page);
    await page.getByRole('button', { name: 'Start call' }).click();
    await expect.poll(() => page.locator('#call-status').textContent(), { timeout: 15_000 }).toBe('Connected');
    await page.waitForTimeout(TALK_MS);
    await page.getByRole('button', { name: 'Hang up' }).click();
    const [call] = await waitForCalls(session, 1);
    expect(call).toMatchObject({ source: 'webrtc' } satisfies Partial<CallRecord>);
    await toast.waitShown();
    expect(await toast.text()).toContain('Browser call');
    expect(await newestHistoryRow()).toContain('Browser call');
  });
});
