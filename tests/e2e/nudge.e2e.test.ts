/**
 * The nudge in real Chromium: when it comes (not for short calls, not during another call, not
 * while snoozed), how heavy it is (escalation after a run of tough calls), how it arrives
 * (toast + badge, notification, routine window, shortcuts) and that it never gets in the way
 * (no focus taken, intact on a hostile page).
 */
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import { ExtensionPopup } from '../../scripts/driver/extension-popup';
import { comparePng } from '../../scripts/driver/png-compare';
import type { NudgeOutcome } from '../../src/background/nudge-flow';
import type { CallRecord, ResetRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { expectNudgeOutcome } from './nudge-outcome';

interface TestWorkerGlobals {
  chrome: {
    action: { getBadgeText(details: object): Promise<string> };
    notifications: { getAll(): Promise<Record<string, boolean>> };
    commands: { getAll(): Promise<{ name: string }[]> };
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  };
  __reboundTestOnlyCommand(command: string): Promise<void>;
}

/** Quick calls nudge, and back-to-back nudges are allowed: each test turns on the rule it checks. */
const BASE = { minCallSeconds: 1, cooldownMinutes: 0 };

const session = extensionUnderTest({ settings: BASE });

const worker = () => session.context.serviceWorkers()[0] ?? session.worker;
const calls = () => session.readTable<CallRecord>('calls');
const resets = () => session.readTable<ResetRecord>('resets');
const badge = () =>
  worker().evaluate(() => (globalThis as unknown as TestWorkerGlobals).chrome.action.getBadgeText({}));

async function rowCount(read: () => Promise<unknown[]>, count: number): Promise<void> {
  await expect.poll(async () => (await read()).length, { timeout: 10_000 }).toBe(count);
}

/** Starts a call from the softphone's own form and waits until it is answered. */
async function startCall(softphone: FrameLocator): Promise<void> {
  await softphone.getByLabel('Number').fill('+13125550142');
  await softphone.getByRole('button', { name: 'Call', exact: true }).click();
  await expect.poll(() => softphone.locator('#call-status').textContent()).toBe('On call');
}

/** Hangs up with a DOM click: the rep's focus stays wherever it was. */
async function hangUpWithoutFocus(page: Page): Promise<void> {
  const frame = page.frame({ url: /softphone\.html/ }) as Frame;
  await frame.evaluate(() => (document.getElementById('hangup-button') as HTMLButtonElement).click());
}

async function talk(page: Page, ms = 1200): Promise<void> {
  const softphone = page.frameLocator('#softphone');
  await startCall(softphone);
  await page.waitForTimeout(ms);
  await softphone.getByRole('button', { name: 'Hang up' }).click();
}

/** A whole call, then the toast; the call count tells the call was recorded first. */
async function callAndToast(page: Page, toast: ClosedShadowToast, expectedCalls: number): Promise<void> {
  await talk(page);
  await rowCount(calls, expectedCalls);
  await toast.waitShown();
}

/** No toast: the call is recorded and the worker has decided, for this reason, to nudge no one. */
async function expectNoToast(toast: ClosedShadowToast, expectedCalls: number, reason: NudgeOutcome): Promise<void> {
  await rowCount(calls, expectedCalls);
  await expectNudgeOutcome(session, (await calls()).at(-1)?.callKey, reason);
  expect(await toast.isShown()).toBe(false);
}

describe('when the nudge comes', () => {
  it('gives no toast for a call shorter than the minimum (recorded all the same)', async () => {
    await session.setSettings({ cooldownMinutes: 0 });
    const page = await session.openDemoDialer('answerDelayMs=0');
    const toast = await ClosedShadowToast.attach(page);
    await talk(page, 500);
    await expectNoToast(toast, 1, 'too-short');
    expect((await calls())[0]?.durationMs).toBeLessThan(20_000);

    await session.setSettings(BASE);
    await callAndToast(page, toast, 2);
  });

  it('holds the nudge while another tab is on a call, through a worker restart, and shows it when that call ends', async () => {
    // Tab B's own call ends as no answer (no nudge of its own): any toast is tab A's, released.
    const tabB = await session.openDemoDialer('answerDelayMs=0&endStatus=NO_ANSWER');
    const tabA = await session.openDemoDialer('answerDelayMs=0');
    const toastA = await ClosedShadowToast.attach(tabA);
    const toastB = await ClosedShadowToast.attach(tabB);

    await startCall(tabB.frameLocator('#softphone'));
    await talk(tabA);
    await rowCount(calls, 1);
    await expectNudgeOutcome(session, (await calls())[0]?.callKey, 'held');
    expect(await toastA.isShown()).toBe(false);
    expect(await toastB.isShown()).toBe(false);
    expect(await session.localValue('heldNudge')).toHaveProperty('call.outcome', 'completed');
    // The held nudge is stored (storage.local): a worker stopped meanwhile still delivers it.
    await session.stopServiceWorker();

    await tabB.frameLocator('#softphone').getByRole('button', { name: 'Hang up' }).click();
    // Shown where the rep just hung up, about tab A's call, which it rates.
    await toastB.waitShown();
    expect(await toastA.isShown()).toBe(false);
    await toastB.click('Tough');
    const callA = (await calls()).find((call) => call.outcome === 'completed');
    await expect
      .poll(async () => (await calls()).find((call) => call.callKey === callA?.callKey)?.rating)
      .toBe('tough');
    expect(session.extensionErrors).toEqual([]);
  });

  it('stays quiet outside working hours, and inside the cooldown after a nudge', async () => {
    const noHours = { enabled: true, startMinute: 0, endMinute: 0, days: [] };
    await session.setSettings({ ...BASE, workingHours: noHours });
    const page = await session.openDemoDialer('answerDelayMs=0');
    const toast = await ClosedShadowToast.attach(page);
    await talk(page);
    await expectNoToast(toast, 1, 'outside-hours');

    await session.setSettings({ ...BASE, cooldownMinutes: 30 });
    await callAndToast(page, toast, 2);
    await toast.click('Dismiss');
    await talk(page);
    await expectNoToast(toast, 3, 'cooldown');
    expect(session.extensionErrors).toEqual([]);
  });

  it('snoozes from the toast and from the popup, and resumes from the popup', async () => {
    const page = await session.openDemoDialer('answerDelayMs=0');
    const toast = await ClosedShadowToast.attach(page);
    await callAndToast(page, toast, 1);
    await toast.click('30 min');
    await expect.poll(() => toast.isShown()).toBe(false);
    await talk(page);
    await expectNoToast(toast, 2, 'snoozed');

    const popup = await session.context.newPage();
    await popup.goto(session.extensionUrl('popup/index.html'));
    const snooze = popup.getByTestId('snooze');
    await snooze.getByText('Nudges snoozed until').waitFor();
    await snooze.getByRole('button', { name: 'Resume nudges' }).click();
    await page.bringToFront();
    await callAndToast(page, toast, 3);
    await toast.click('Dismiss');

    await popup.bringToFront();
    await snooze.getByRole('button', { name: 'Rest of today' }).click();
    await snooze.getByText('Nudges snoozed until').waitFor();
    await page.bringToFront();
    await talk(page);
    await expectNoToast(toast, 4, 'snoozed');
    expect(session.extensionErrors).toEqual([]);
  });
});

describe('how heavy it is', () => {
  it('after three tough calls in a row suggests a longer break and shows the support contact', async () => {
    await session.setSettings({ ...BASE, supportContact: 'https://chat.example/maria' });
    const page = await session.openDemoDialer('answerDelayMs=0');
    const toast = await ClosedShadowToast.attach(page);
    for (const n of [1, 2]) {
      await callAndToast(page, toast, n);
      await toast.click('Tough');
      await expect.poll(async () => (await calls()).filter((call) => call.rating === 'tough').length).toBe(n);
      expect(await toast.text()).not.toContain('Tough calls in a row');
      await toast.click('Dismiss');
    }
    await callAndToast(page, toast, 3);
    await toast.click('Tough');
    await expect.poll(() => toast.text()).toContain('Tough calls in a row: 3');
    expect(await toast.text()).toContain('Take a longer break');
    expect(await toast.linkHref('https://chat.example/maria')).toBe('https://chat.example/maria');
    await toast.click('Dismiss');

    // The next nudge arrives escalated, before any rating.
    await callAndToast(page, toast, 4);
    expect(await toast.text()).toContain('Tough calls in a row: 3');
    expect(session.extensionErrors).toEqual([]);
  });
});

describe('how it arrives', () => {
  it('toast + badge: a tough rating counts on the badge, the inline breath records a reset and clears it', async () => {
    const page = await session.openDemoDialer('answerDelayMs=0');
    const toast = await ClosedShadowToast.attach(page);
    await callAndToast(page, toast, 1);
    await toast.click('Tough');
    await expect.poll(badge).toBe('1');

    await toast.click('5-second breath');
    await expect.poll(() => toast.text()).toContain('Breathe in');
    await rowCount(resets, 1);
    const [reset] = await resets();
    const [call] = await calls();
    expect(reset).toMatchObject({ kind: 'quick', callId: call?.id, steps: ['breathe-5'] });
    expect(await toast.text()).toContain('Done. The next one gets a fresh start.');
    await expect.poll(badge).toBe('');
    expect(session.extensionErrors).toEqual([]);
  });

  it('system notification, picked in Options: no toast, a notification', async () => {
    const options = await session.context.newPage();
    await options.goto(session.extensionUrl('options/index.html'));
    await options.getByLabel('System notification').check();
    await options.getByRole('status').getByText('Saved.').waitFor();

    const page = await session.openDemoDialer('answerDelayMs=0');
    const toast = await ClosedShadowToast.attach(page);
    await talk(page);
    await rowCount(calls, 1);
    const [call] = await calls();
    await expect
      .poll(() => worker().evaluate(() => (globalThis as unknown as TestWorkerGlobals).chrome.notifications.getAll()))
      .toEqual({ [`rebound-nudge:${call?.callKey}`]: true });
    expect(await toast.isShown()).toBe(false);
    expect(session.extensionErrors).toEqual([]);
  });

  it('routine window: the after-call routine opens in its own window', async () => {
    await session.setSettings({ ...BASE, delivery: 'window' });
    const page = await session.openDemoDialer('answerDelayMs=0');
    const toast = await ClosedShadowToast.attach(page);
    const opened = session.context.waitForEvent('page', {
      predicate: (candidate) => candidate.url().startsWith(session.extensionUrl('popup/index.html?window=1')),
    });
    await talk(page);
    const routine = await opened;
    await routine.getByRole('heading', { name: 'How did that one go?' }).waitFor();
    await routine.getByRole('button', { name: 'Tough' }).click();
    await routine.getByRole('button', { name: 'Next' }).click();
    await expect.poll(async () => (await calls())[0]?.rating).toBe('tough');
    expect(await toast.isShown()).toBe(false);
    expect(session.extensionErrors).toEqual([]);
  });

  it('shortcuts: declared in the manifest; quick reset breathes in the page, mark tough rates the last call', async () => {
    const declared = await worker().evaluate(() =>
      (globalThis as unknown as TestWorkerGlobals).chrome.commands.getAll(),
    );
    expect(declared.map((command) => command.name).sort()).toEqual([
      '_execute_action',
      'mark-last-tough',
      'quick-reset',
    ]);
    const run = (command: string) =>
      worker().evaluate((name) => (globalThis as unknown as TestWorkerGlobals).__reboundTestOnlyCommand(name), command);

    const page = await session.openDemoDialer('answerDelayMs=0');
    const toast = await ClosedShadowToast.attach(page);
    await callAndToast(page, toast, 1);
    await toast.click('Dismiss');
    await run('mark-last-tough');
    await expect.poll(async () => (await calls())[0]?.rating).toBe('tough');
    await expect.poll(badge).toBe('1');

    await page.bringToFront();
    await run('quick-reset');
    await toast.waitShown();
    expect(await toast.text()).toContain('Quick reset');
    await rowCount(resets, 1);
    expect((await resets())[0]).toMatchObject({ kind: 'quick', steps: ['breathe-5'] });

    // Where Rebound is not on the page, the quick reset opens the popup, Quick reset first.
    const elsewhere = await session.context.newPage();
    await elsewhere.goto('about:blank');
    await elsewhere.bringToFront();
    const opened = ExtensionPopup.waitFor(elsewhere, session.extensionUrl('popup/index.html'));
    await run('quick-reset');
    await (await opened).waitForText('Quick reset');
    expect(session.extensionErrors).toEqual([]);
  });
});

describe('never in the way', () => {
  it('does not take focus: keys typed while it shows land in the focused input', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.server.url}hostile/index.html`);
    const toast = await ClosedShadowToast.attach(page);
    await startCall(page.frameLocator('#softphone'));
    await page.waitForTimeout(1200);
    const notes = page.locator('#notes');
    await notes.focus();
    await page.keyboard.type('before ');
    await hangUpWithoutFocus(page);
    await toast.waitShown();
    await page.keyboard.type('during');
    expect(await notes.inputValue()).toBe('before during');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('notes');

    // Reachable by keyboard all the same, and Esc closes it.
    const focused = () => page.evaluate(() => document.activeElement?.tagName);
    for (let presses = 0; presses < 20 && (await focused()) !== 'REBOUND-TOAST'; presses++) {
      await page.keyboard.press('Tab');
    }
    expect(await focused()).toBe('REBOUND-TOAST');
    await page.keyboard.press('Escape');
    await expect.poll(() => toast.isShown()).toBe(false);
  });

  it.each(['light', 'dark'] as const)(
    'looks the same on a hostile page as on a plain one, above every overlay (%s)',
    async (colorScheme) => {
      const shoot = async (path: string, callId: string) => {
        const page = await session.context.newPage();
        await page.emulateMedia({ reducedMotion: 'reduce', colorScheme });
        await page.goto(`${session.server.url}hostile/${path}`);
        const toast = await ClosedShadowToast.attach(page);
        // An end whose start was never seen: the same "length unknown" text on both pages.
        const frame = page.frame({ url: /softphone\.html/ }) as Frame;
        await frame.evaluate((id) => {
          window.parent.postMessage(
            { type: 'CALL_ENDED', data: { externalCallId: id, callEndStatus: 'COMPLETED' }, messageId: `${id}_1` },
            '*',
          );
        }, callId);
        await toast.waitShown();
        const box = await toast.bounds();
        const centre = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, {
          x: box.x + box.width / 2,
          y: box.y + box.height / 2,
        });
        const png = await page.screenshot({ clip: box });
        return { page, toast, box, centre, png };
      };
      const plain = await shoot('plain.html', 'plain-call');
      const hostile = await shoot('index.html', 'hostile-call');

      expect(hostile.centre).toBe('REBOUND-TOAST');
      expect(hostile.box).toEqual(plain.box);
      // Corners and shadow blend with what is behind; everything inside must match the plain page.
      const { differing, total } = comparePng(plain.png, hostile.png, { inset: 14 });
      expect(differing / total).toBeLessThan(0.005);

      // Real clicks land on it, through the overlay.
      await hostile.toast.click('Tough');
      await expect
        .poll(async () => (await calls()).find((call) => call.callKey === 'hubspot:hostile-call')?.rating)
        .toBe('tough');
    },
  );
});
