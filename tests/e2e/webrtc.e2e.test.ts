/**
 * The generic WebRTC hook, on a page that makes a real two-peer call with Chromium's fake
 * microphone (tests/fixtures/webrtc-call): the call is seen however it ends, from a fresh
 * iframe's constructor too; a data-only link is no call; the page cannot tell it is watched.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { TOAST_SHOWN, toastAnswerIn } from './toast-listening';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest();

const TALK_MS = 1500;

async function startCall(mode = 'audio'): Promise<Page> {
  const page = await session.openFixture(`webrtc-call/index.html?mode=${mode}`);
  await page.getByRole('button', { name: 'Start call' }).click();
  await expect.poll(() => page.locator('#call-status').textContent(), { timeout: 15_000 }).toBe('Connected');
  return page;
}

const calls = (count: number): Promise<CallRecord[]> => waitForCalls(session, count);

function expectOneTalk(call: CallRecord | undefined): void {
  expect(call).toMatchObject({ source: 'webrtc', outcome: 'completed', endReason: 'hang-up' });
  expect(call?.host).toBe(new URL(session.server.url).host);
  expect(call?.durationMs).toBeGreaterThanOrEqual(TALK_MS);
  expect(call?.durationMs).toBeLessThan(15_000);
}

describe('the WebRTC hook', () => {
  it('records a call with audio that ends with close(), once for both peers', async () => {
    const page = await startCall();
    await page.waitForTimeout(TALK_MS);
    await page.getByRole('button', { name: 'Hang up' }).click();
    const [call] = await calls(1);
    expectOneTalk(call);
    await page.waitForTimeout(1000);
    expect(await session.readTable('calls')).toHaveLength(1);
    expect(session.extensionErrors).toEqual([]);
  });

  it('loads the toast into the page as the call starts: it listens before the end, and the nudge comes', async () => {
    const page = await startCall();
    const url = page.url();
    // Only the toast listens to the extension in a top frame: a breath sent there is shown at
    // once if it is loaded. Before, it was loaded at the first nudge, and this found no one.
    await expect.poll(() => toastAnswerIn(session, { url }), { timeout: 5000 }).toBe(TOAST_SHOWN);
    await page.waitForTimeout(TALK_MS);
    await page.getByRole('button', { name: 'Hang up' }).click();
    expectOneTalk((await calls(1))[0]);
    await expect.poll(() => page.locator('rebound-toast').count()).toBe(1);
    expect(session.extensionErrors).toEqual([]);
  });

  it('ends the call when the remote audio tracks end', async () => {
    const page = await startCall();
    await page.waitForTimeout(TALK_MS);
    await page.getByRole('button', { name: 'Other side leaves' }).click();
    const [call] = await calls(1);
    expectOneTalk(call);
  });

  it('sees a call built with the constructor of a fresh about:blank iframe', async () => {
    const page = await startCall('iframe');
    await page.waitForTimeout(TALK_MS);
    await page.getByRole('button', { name: 'Hang up' }).click();
    const [call] = await calls(1);
    expectOneTalk(call);
  });

  it('gives no call for a data-channel-only connection, nor for a video playing over WebRTC', async () => {
    for (const mode of ['data', 'video']) {
      const page = await startCall(mode);
      if (mode === 'video') {
        await expect
          .poll(() => page.locator('#picture').evaluate((video: HTMLVideoElement) => video.currentTime > 0))
          .toBe(true);
      }
      await page.waitForTimeout(TALK_MS);
      await page.getByRole('button', { name: 'Hang up' }).click();
      // A real call would be written well inside this; the audio test above waits the same way.
      await page.waitForTimeout(2000);
      expect(await session.readTable('calls'), mode).toEqual([]);
    }
  });

  it('leaves RTCPeerConnection looking and behaving as the browser made it', async () => {
    const page = await session.openFixture('webrtc-call/index.html');
    const seen = await page.evaluate(async () => {
      const PC = RTCPeerConnection;
      const pc = new PC();
      let threwWithoutNew = false;
      try {
        (PC as unknown as () => void)();
      } catch (error) {
        threwWithoutNew = error instanceof TypeError;
      }
      class Sub extends PC {}
      const sub = new Sub();
      const certificate = await PC.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256' } as EcKeyGenParams);
      let eventFired = false;
      pc.addEventListener('negotiationneeded', () => {
        eventFired = true;
      });
      pc.createDataChannel('x');
      await new Promise((resolve) => setTimeout(resolve, 200));
      pc.close();
      return {
        instance: pc instanceof RTCPeerConnection,
        subInstance: sub instanceof Sub && sub instanceof RTCPeerConnection,
        constructorLink: PC.prototype.constructor === PC && Object.getPrototypeOf(pc) === PC.prototype,
        name: PC.name,
        length: PC.length,
        threwWithoutNew,
        certificate: certificate instanceof RTCCertificate,
        eventFired,
        closedState: pc.signalingState,
        closeName: PC.prototype.close.name,
        closeLength: PC.prototype.close.length,
        legacyAlias:
          !('webkitRTCPeerConnection' in window) ||
          (window as unknown as Record<string, unknown>).webkitRTCPeerConnection === PC,
        globals: Object.keys(window).filter((key) => /rebound/i.test(key)),
      };
    });
    expect(seen).toEqual({
      instance: true,
      subInstance: true,
      constructorLink: true,
      name: 'RTCPeerConnection',
      length: 0,
      threwWithoutNew: true,
      certificate: true,
      eventFired: true,
      closedState: 'closed',
      closeName: 'close',
      closeLength: 0,
      legacyAlias: true,
      globals: [],
    });
  });
});
