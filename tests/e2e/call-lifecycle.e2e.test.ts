/**
 * A live call whose tab goes away, or whose service worker is stopped: nothing is lost.
 * - the call tab closed, or navigated off the dialer host → the call ends (tab-closed / navigated);
 * - the worker stopped mid-call (CDP ServiceWorker.stopAllWorkers) → the hang-up still ends the
 *   call, once, with the whole length, and the nudge still comes.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import type { CallRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest();

const TALK_MS = 1500;

async function startCall(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Call Dana Whitfield' }).click();
  await expect.poll(() => page.frameLocator('#softphone').locator('#call-status').textContent()).toBe('On call');
}

const calls = (count: number): Promise<CallRecord[]> => waitForCalls(session, count);

describe('a live call', () => {
  it('ends as tab-closed when its tab is closed', async () => {
    const page = await session.openDemoDialer('answerDelayMs=0');
    await startCall(page);
    await page.waitForTimeout(TALK_MS);
    await page.close();
    const [call] = await calls(1);
    expect(call).toMatchObject({
      source: 'hubspot',
      endReason: 'tab-closed',
      outcome: 'unknown',
      direction: 'outbound',
    });
    expect(call?.durationMs).toBeGreaterThanOrEqual(TALK_MS);
    expect(session.extensionErrors).toEqual([]);
  });

  it('ends as navigated when its tab leaves the dialer host', async () => {
    const page = await session.openDemoDialer('answerDelayMs=0');
    await startCall(page);
    await page.waitForTimeout(TALK_MS);
    // Same server, another host name: off the dialer.
    const elsewhere = new URL('demo-dialer/favicon.svg', session.server.url);
    elsewhere.hostname = 'localhost';
    await page.goto(elsewhere.href);
    const [call] = await calls(1);
    expect(call).toMatchObject({ source: 'hubspot', endReason: 'navigated', direction: 'outbound' });
    expect(call?.durationMs).toBeGreaterThanOrEqual(TALK_MS);
    expect(call?.host).toBe(new URL(session.server.url).host);
  });

  it('survives its service worker being stopped: ended once, full length, still nudged', async () => {
    const page = await session.openDemoDialer('answerDelayMs=0');
    const toast = await ClosedShadowToast.attach(page);
    await startCall(page);
    const callStarted = Date.now();

    await session.stopServiceWorker();

    await page.waitForTimeout(TALK_MS);
    await page.frameLocator('#softphone').getByRole('button', { name: 'Hang up' }).click();
    const talked = Date.now() - callStarted;

    await toast.waitShown(10_000);
    const [call] = await calls(1);
    expect(call).toMatchObject({ source: 'hubspot', endReason: 'hang-up', outcome: 'completed' });
    // The start was kept across the stop: the length covers the whole call.
    expect(call?.durationMs).toBeGreaterThanOrEqual(TALK_MS);
    expect(call?.durationMs).toBeLessThanOrEqual(talked + 1000);
    await page.waitForTimeout(1000);
    expect(await session.readTable('calls')).toHaveLength(1);
    expect(session.extensionErrors).toEqual([]);
  });

  it('in two tabs at once is two calls, each ended by its own hang-up', async () => {
    const first = await session.openDemoDialer('answerDelayMs=0');
    const second = await session.openDemoDialer('answerDelayMs=0');
    await startCall(first);
    await startCall(second);
    await first.frameLocator('#softphone').getByRole('button', { name: 'Hang up' }).click();
    const [one] = await calls(1);
    await second.waitForTimeout(TALK_MS);
    await second.frameLocator('#softphone').getByRole('button', { name: 'Hang up' }).click();
    const both = await calls(2);
    const two = both.find((call) => call.callKey !== one?.callKey);
    expect(both.map((call) => call.endReason)).toEqual(['hang-up', 'hang-up']);
    expect(two?.durationMs).toBeGreaterThan(one?.durationMs ?? Number.POSITIVE_INFINITY);
  });
});
