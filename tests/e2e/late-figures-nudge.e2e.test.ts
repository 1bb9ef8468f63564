/**
 * Issue 13 §4, the background's share, in Chromium with a scripted two-sided call
 * (tests/fixtures/talk-call): a short call whose figures come after the dialer ended it is still
 * nudged when they say it sounded rough, and a nudge shown as a system notification says why,
 * in the toast's words.
 */
import { describe, expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import { scriptedCall, type TalkScript, untilScriptTime } from '../../scripts/driver/talk-call';
import type { CallRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { waitForCalls } from './wait-for-calls';

/** Calls under 20 s are skipped for their length: only sounding rough gets them a nudge. */
const session = extensionUnderTest({ settings: { minCallSeconds: 20, cooldownMinutes: 0 } });

/** They talk over the rep for 9 of 11 seconds. */
const TALKED_OVER: TalkScript = { rep: [[1, 12]], far: [[3, 12]] };

/** The page shows its own "on a call" element from the start, as a dialer's call view does. */
const ON_AIR = `
  document.addEventListener('DOMContentLoaded', () => {
    const onAir = document.createElement('p');
    onAir.className = 'on-air';
    onAir.textContent = 'On a call';
    document.body.append(onAir);
  });
`;

interface NotificationsSeen {
  chrome: { notifications: { create(...args: unknown[]): unknown } };
  notificationsSeen: { id: string; message: string }[];
}

describe('the nudge when the figures come late', () => {
  it('asks about a short call the dialer ended before its connection brought the figures, saying why', async () => {
    const origin = new URL(session.server.url).origin;
    await session.setSettings({
      minCallSeconds: 20,
      cooldownMinutes: 0,
      customSites: [{ origin, detect: 'elements', inCallSelector: '.on-air' }],
    });
    const call = await scriptedCall(session, TALKED_OVER, { initScript: ON_AIR });
    const toast = await ClosedShadowToast.attach(call.rep);
    await untilScriptTime(call.zero, 12.5);

    // The dialer's call view goes first: the call ends short and without figures, so no nudge.
    await call.rep.evaluate(() => document.querySelector('.on-air')?.remove());
    const [ended] = await waitForCalls(session, 1);
    expect(ended).toMatchObject({ source: 'custom' });
    expect(ended).not.toHaveProperty('talk');
    expect(ended?.durationMs).toBeLessThan(20_000);
    expect(await toast.isShown()).toBe(false);

    // A moment later the connection closes and brings what was heard.
    await call.hangUp();
    await toast.waitShown(5000);
    expect(await toast.text()).toMatch(/They talked over you for 0:(0[89]|10)\./);
    const [withFigures] = await session.readTable<CallRecord>('calls');
    expect(withFigures?.talk?.figures.overtalkS).toBeGreaterThanOrEqual(8);
    expect(session.extensionErrors).toEqual([]);
  }, 60_000);

  it('as a system notification, says why it asks about a call that sounded rough', async () => {
    await session.setSettings({ minCallSeconds: 20, cooldownMinutes: 0, delivery: 'notification' });
    // What the worker hands the browser: headless Chromium shows no notification to read back.
    await session.inWorker(() => {
      const scope = globalThis as unknown as NotificationsSeen;
      const create = scope.chrome.notifications.create.bind(scope.chrome.notifications);
      scope.notificationsSeen = [];
      scope.chrome.notifications.create = (...args: unknown[]) => {
        const [id, options] = args as [string, { message: string }];
        scope.notificationsSeen.push({ id, message: options.message });
        return create(...args);
      };
    }, undefined);
    const call = await scriptedCall(session, TALKED_OVER);
    const toast = await ClosedShadowToast.attach(call.rep);
    await untilScriptTime(call.zero, 12.5);
    await call.hangUp();
    const [recorded] = await waitForCalls(session, 1);
    const seen = () =>
      session.inWorker(() => (globalThis as unknown as NotificationsSeen).notificationsSeen, undefined);
    await expect.poll(seen, { timeout: 5000 }).toHaveLength(1);
    const [notification] = await seen();
    expect(notification?.id).toBe(`rebound-nudge:${recorded?.callKey}`);
    expect(notification?.message).toMatch(
      /^They talked over you for 0:(0[89]|10)\. Browser call · 0:1\d\. Click for a one-minute reset\.$/,
    );
    expect(await toast.isShown()).toBe(false);
    expect(session.extensionErrors).toEqual([]);
  }, 60_000);
});
