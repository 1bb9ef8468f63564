/**
 * A persistent-line power dialer (tests/fixtures/power-dialer): one WebRTC connection for the
 * whole dialing session, silent between prospects. With the site's line marked open (as the
 * catalog marks Orum, Nooks, PhoneBurner), each conversation on it is its own call, split
 * by talk activity (issue 13); the connection's own end adds none.
 */
import { describe, expect, it } from 'vitest';
import { extensionUnderTest } from './extension-under-test';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest({ settings: { minCallSeconds: 1, cooldownMinutes: 0 } });

const TALK_MS = 3000;
const QUIET_SECONDS = 5;

describe('a power dialer that keeps its line open', () => {
  it('records each conversation on the open line as its own call', async () => {
    const origin = new URL(session.server.url).origin;
    await session.setSettings({
      minCallSeconds: 1,
      cooldownMinutes: 0,
      openLines: [{ site: origin, open: true, quietSeconds: QUIET_SECONDS }],
    });
    const dialer = await session.openFixture('power-dialer/index.html');
    const status = () => dialer.locator('#call-status').textContent();
    await dialer.getByRole('button', { name: 'Start session' }).click();
    await expect.poll(status, { timeout: 15_000 }).toBe('Session live');
    await dialer.waitForTimeout(2000);
    expect(await session.countRows('calls')).toBe(0);

    for (let call = 1; call <= 2; call++) {
      await dialer.getByRole('button', { name: 'Next call' }).click();
      await dialer.waitForTimeout(TALK_MS);
      await dialer.getByRole('button', { name: 'Hang up' }).click();
      await dialer.waitForTimeout(QUIET_SECONDS * 1000);
      await waitForCalls(session, call);
    }
    await dialer.getByRole('button', { name: 'End session' }).click();
    await dialer.waitForTimeout(1500);
    const calls = await waitForCalls(session, 2);
    for (const call of calls) {
      expect(call).toMatchObject({ source: 'webrtc', host: new URL(origin).host });
      expect(call.durationMs).toBeGreaterThanOrEqual(TALK_MS - 1500);
      expect(call.durationMs).toBeLessThan(TALK_MS + 3000);
    }
    expect(session.extensionErrors).toEqual([]);
  }, 90_000);
});
