/**
 * The dialers read from their page, each on its fixture: Google Voice (gv-test-id hang-up button
 * and timer), Salesloft (a visible "End Call" control), Outreach (a "Hang Up" control inside the
 * dialer iframe).
 */
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DOM_CHECK_INTERVAL_MS } from '../../src/content/dom/watch-dom';
import type { CallRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { callOnDemoDialer, placeCall } from './place-call';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest({ per: 'file' });

const TALK_MS = 1500;

const callsFrom = (source: string, count: number): Promise<CallRecord[]> => waitForCalls(session, count, source);

async function status(scope: Page | FrameLocator, text: string): Promise<void> {
  await expect.poll(() => scope.locator('#call-status').textContent()).toBe(text);
}

function expectCall(call: CallRecord | undefined, outcome: string): void {
  expect(call).toMatchObject({ endReason: 'hang-up', outcome });
  expect(call?.host).toBe(new URL(session.server.url).host);
  // The page is read at most once per interval, so the answer may be seen up to one interval late.
  expect(call?.durationMs).toBeGreaterThanOrEqual(TALK_MS - DOM_CHECK_INTERVAL_MS);
  expect(call?.durationMs).toBeLessThan(15_000);
}

describe('dialers read from the page', () => {
  it('Google Voice: an answered call, then one nobody answered', async () => {
    const page = await session.openFixture('google-voice/index.html?answerDelayMs=200');
    await placeCall(page, {
      dial: page.getByRole('button', { name: 'Call' }),
      status: page,
      hangUp: page.getByRole('button', { name: 'End call' }),
      talkMs: TALK_MS,
    });
    const [answered] = await callsFrom('google-voice', 1);
    expectCall(answered, 'completed');
    await page.close();

    const unanswered = await session.openFixture('google-voice/index.html?answer=never');
    await unanswered.getByRole('button', { name: 'Call' }).click();
    await status(unanswered, 'Calling…');
    await unanswered.waitForTimeout(TALK_MS);
    await unanswered.getByRole('button', { name: 'End call' }).click();
    const missed = (await callsFrom('google-voice', 2)).find((call) => call.callKey !== answered?.callKey);
    expectCall(missed, 'no-answer');
    await unanswered.close();
  });

  it('Salesloft: a visible End Call control is a call; a hidden Hang Up template is not', async () => {
    const page = await session.openFixture('salesloft/index.html');
    await page.waitForTimeout(1000);
    expect(await callsFrom('salesloft', 0)).toEqual([]);
    await placeCall(page, {
      dial: page.getByRole('button', { name: 'Call' }),
      status: page,
      hangUp: page.getByRole('button', { name: 'End Call' }),
      talkMs: TALK_MS,
    });
    const [call] = await callsFrom('salesloft', 1);
    expectCall(call, 'unknown');
    await page.close();
  });

  it('Outreach: the Hang Up control inside the dialer iframe', async () => {
    const page = await session.openFixture('outreach/index.html');
    const dialer = page.frameLocator('#dialer');
    await placeCall(page, {
      dial: dialer.getByRole('button', { name: 'Call' }),
      status: dialer,
      hangUp: dialer.getByRole('button', { name: 'Hang Up' }),
      talkMs: TALK_MS,
    });
    const [call] = await callsFrom('outreach', 1);
    expectCall(call, 'unknown');
    await page.close();
  });

  it('leaves no errors behind, and the other fixtures are not mistaken for these dialers', async () => {
    const page = await session.openDemoDialer('answerDelayMs=0');
    await callOnDemoDialer(page, { talkMs: 0 });
    await callsFrom('hubspot', 1);
    await page.waitForTimeout(1000);
    expect((await session.readTable<CallRecord>('calls')).map((call) => call.source).sort()).toEqual([
      'google-voice',
      'google-voice',
      'hubspot',
      'outreach',
      'salesloft',
    ]);
    expect(session.extensionErrors).toEqual([]);
  });
});
