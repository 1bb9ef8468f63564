/**
 * The browser killed mid-call (SIGKILL on its main process: a crash, a power cut, nothing runs on
 * the way down), then started again on the same profile: the call is recorded once, as
 * browser-closed with an approximate length, and a nudge held for it is offered in the popup.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { extensionUnderTest } from './extension-under-test';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest({ settings: {} });
let profileDir: string;

beforeEach(async () => {
  profileDir = await mkdtemp(path.join(os.tmpdir(), 'rebound-e2e-quit-'));
  await session.relaunch({ profileDir });
  await session.setSettings({ minCallSeconds: 0, cooldownMinutes: 0 });
});
afterEach(async () => {
  await session.close();
  await rm(profileDir, { recursive: true, force: true });
});

async function startCall(page: Page, contact: string): Promise<void> {
  await page.getByRole('button', { name: `Call ${contact}` }).click();
  await page.frameLocator('#softphone').getByText('On call').waitFor();
}

/** The call's durable shadow is stored: what a crash from now on leaves behind. */
async function waitForShadow(callCount: number): Promise<void> {
  await expect
    .poll(async () => Object.keys((await session.localValue<object>('liveCallShadows')) ?? {}).length, {
      timeout: 10_000,
    })
    .toBe(callCount);
}

it('a call live when the browser process is killed is recorded once after the restart, as browser-closed with an approximate length', async () => {
  const dialer = await session.openDemoDialer('answerDelayMs=0');
  const startedAt = Date.now();
  await startCall(dialer, 'Dana Whitfield');
  await waitForShadow(1);
  const killedAt = Date.now();
  await session.killBrowser();

  await session.relaunch({ profileDir });
  const [call] = await waitForCalls(session, 1);
  expect(call).toMatchObject({ source: 'hubspot', endReason: 'browser-closed', approximate: true });
  expect(call?.startedAt).toBeGreaterThanOrEqual(startedAt);
  expect(call?.endedAt).toBeGreaterThanOrEqual(call?.startedAt ?? Number.NaN);
  expect(call?.endedAt).toBeLessThanOrEqual(killedAt);
  expect(call?.durationMs).toBeGreaterThanOrEqual(0);
  expect(await session.localValue('liveCallShadows')).toBeUndefined();

  // History says how it ended and that its length is a guess.
  const history = await session.context.newPage();
  await history.goto(session.extensionUrl('options/index.html#history'));
  await history.getByRole('status').getByText('Matching calls: 1', { exact: true }).waitFor();
  await history.locator('.history-row').first().click();
  await history.getByTestId('call-end-reason').getByText('Browser closed during the call').waitFor();
  expect(await history.getByTestId('call-length').textContent()).toMatch(/^about \d+:\d\d$/);
  expect(session.extensionErrors).toEqual([]);
});

it('a nudge held for a second call when the browser process is killed is offered in the popup after the restart', async () => {
  const onCall = await session.openDemoDialer('answerDelayMs=0');
  const hungUp = await session.openDemoDialer('answerDelayMs=0');
  await startCall(onCall, 'Dana Whitfield');
  await startCall(hungUp, 'Marcus Oyelaran');
  await hungUp.frameLocator('#softphone').getByRole('button', { name: 'Hang up' }).click();
  await expect
    .poll(() => session.localValue('heldNudge'), { timeout: 10_000 })
    .toHaveProperty('call.outcome', 'completed');
  await waitForShadow(1);
  const [ended] = await waitForCalls(session, 1);
  await session.killBrowser();

  await session.relaunch({ profileDir });
  const calls = await waitForCalls(session, 2);
  expect(calls.map((call) => call.endReason).sort()).toEqual(['browser-closed', 'hang-up']);
  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl('popup/index.html'));
  const offer = popup.getByTestId('offered-nudge');
  await offer.getByText('How did that one go?').waitFor();
  await offer.getByRole('button', { name: 'Reset after this call' }).click();
  // The after-call routine opens on that call: its draft names it.
  await popup.getByRole('button', { name: 'Tough' }).click();
  await expect
    .poll(() => session.sessionValue('routineDraft'), { timeout: 10_000 })
    .toMatchObject({ kind: 'after-call', callKey: ended?.callKey, answers: { rating: 'tough' } });
  expect(await session.localValue('offeredNudge')).toBeUndefined();
  expect(session.extensionErrors).toEqual([]);
});
