/**
 * Detection styles the grown catalog brings, one fixture each: a contact centre whose softphone
 * lives in a cross-origin iframe (tests/fixtures/contact-centre: the agent desktop on 127.0.0.1,
 * the softphone on localhost), and a meeting with audio and video in one connection
 * (tests/fixtures/meeting). Each makes and ends calls and finds the right rows.
 */
import { describe, expect, it } from 'vitest';
import { extensionUnderTest } from './extension-under-test';
import { localhostOrigin } from './loopback-origins';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest();

const TALK_MS = 1500;

describe('a contact-centre softphone in a cross-origin iframe', () => {
  it('records each accepted call once, on the agent desktop tab', async () => {
    const desktop = await session.openFixture(
      `contact-centre/index.html?softphoneOrigin=${encodeURIComponent(localhostOrigin(session))}`,
    );
    const softphone = desktop.frameLocator('#softphone');
    for (let call = 1; call <= 2; call++) {
      await softphone.getByRole('button', { name: 'Accept call' }).click();
      await expect.poll(() => softphone.locator('#call-status').textContent(), { timeout: 15_000 }).toBe('On call');
      await desktop.waitForTimeout(TALK_MS);
      await softphone.getByRole('button', { name: 'End call' }).click();
      await waitForCalls(session, call);
    }
    const calls = await session.readTable<{ source: string; host: string; outcome: string; durationMs: number }>(
      'calls',
    );
    for (const call of calls) {
      // The softphone frame stands in for Amazon Connect's CCP in the demo flavour (webrtc-family.e2e).
      expect(call).toMatchObject({
        source: 'amazon-connect',
        host: new URL(session.server.url).host,
        outcome: 'completed',
      });
      expect(call.durationMs).toBeGreaterThanOrEqual(TALK_MS);
    }
    expect(session.extensionErrors).toEqual([]);
  });
});

describe('a meeting with audio and video in one connection', () => {
  it('is one call, which the camera going off does not end', async () => {
    const meeting = await session.openFixture('meeting/index.html');
    await meeting.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => meeting.locator('#call-status').textContent(), { timeout: 15_000 }).toBe('In the meeting');
    await meeting.waitForTimeout(TALK_MS / 2);
    await meeting.getByRole('button', { name: 'Camera off' }).click();
    await meeting.waitForTimeout(TALK_MS);
    expect(await session.countRows('calls')).toBe(0);
    await meeting.getByRole('button', { name: 'Leave' }).click();
    const [call] = await waitForCalls(session, 1);
    expect(call).toMatchObject({ source: 'google-meet', outcome: 'completed', endReason: 'hang-up' });
    expect(call?.durationMs).toBeGreaterThanOrEqual(TALK_MS * 1.5);
    await meeting.waitForTimeout(1000);
    expect(await session.countRows('calls')).toBe(1);
    expect(session.extensionErrors).toEqual([]);
  });
});
