/**
 * A widget that sends its "call completed" log without the call's id, after the call ended
 * (tests/fixtures/zoom-phone with `logWithoutId`): that log belongs to the call that just ended
 * in the tab, so one call is recorded, with its outcome; an end with no call before it in its
 * tab still records a call.
 */
import { describe, expect, it } from 'vitest';
import { extensionUnderTest } from './extension-under-test';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest();

const TALK_MS = 1500;

describe('an id-less call log after an ended call', () => {
  it('is that call: one row with its outcome, not a second one of unknown outcome', async () => {
    const page = await session.openFixture('zoom-phone/index.html?answerDelayMs=200&logWithoutId=1');
    const widget = page.frameLocator('#widget');
    await widget.getByRole('button', { name: 'Simulate incoming call' }).click();
    await widget.getByRole('button', { name: 'Answer' }).click();
    await expect.poll(() => widget.locator('#call-status').textContent()).toBe('On call');
    await page.waitForTimeout(TALK_MS);
    await widget.getByRole('button', { name: 'Hang up' }).click();
    const [call] = await waitForCalls(session, 1);
    expect(call).toMatchObject({ source: 'zoom-phone', outcome: 'completed', direction: 'inbound' });
    await page.waitForTimeout(1500);
    expect(await session.countRows('calls')).toBe(1);

    // The same log alone, in a tab with no call before it: still a call, as before.
    const other = await session.openFixture('zoom-phone/index.html?logWithoutId=1');
    await other.frameLocator('#widget').locator('#call-status').waitFor();
    const frame = other.frames().find((candidate) => candidate.url().includes('widget.html'));
    await frame?.evaluate(() =>
      window.parent.postMessage({ type: 'zp-call-log-completed-event', data: { callLogs: { duration: 42 } } }, '*'),
    );
    const calls = await waitForCalls(session, 2);
    expect(calls.find((row) => row.callKey !== call?.callKey)).toMatchObject({
      source: 'zoom-phone',
      outcome: 'unknown',
      durationMs: 42_000,
    });
    expect(session.extensionErrors).toEqual([]);
  });
});
