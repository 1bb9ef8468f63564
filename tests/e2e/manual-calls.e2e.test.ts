/**
 * Calls logged by hand in real Chromium: "I just had a call" from the popup, driven by keyboard,
 * runs its routine and shows in Insights; "Missed a call" on a dialer page records the call
 * marked missed, Options → Sites shows what the detector saw there, and the saved report holds
 * none of what the page posted.
 */
import { readFile } from 'node:fs/promises';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DetectorTrails } from '../../src/calls/detector-trail';
import type { CallRecord, ResetRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { axeViolations, click, heading, openPopup, passBreath, waitForRows } from './popup-driver';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest({ settings: { breathSeconds: 5 } });

const PHONE = '+1 415 555 0134';
/** The number as it might be written anywhere in a file: with or without its spaces. */
const PHONE_DIGITS = /415\D?555\D?0134/;

async function finishRoutine(page: Page): Promise<void> {
  await heading(page, 'Breathe');
  await passBreath(page);
  await heading(page, 'Throw it away', 15_000);
  for (const next of [
    'What was it really about?',
    'One thing to keep',
    'Anything to follow up?',
    'Ready for the next one',
  ]) {
    await click(page, 'Skip');
    await heading(page, next);
  }
  await click(page, 'Done');
  await page.getByRole('button', { name: 'Quick reset' }).waitFor();
}

describe('a call logged by hand', () => {
  it('"I just had a call": keyboard only, a manual row with its length, the routine on it, counted in Insights', async () => {
    const page = await openPopup(session);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('button', { name: 'I just had a call' }).focus();
    await page.keyboard.press('Enter');
    await heading(page, 'I just had a call');

    expect(await axeViolations(page)).toEqual([]);
    // Tab into the place radios, arrow to the third, Tab to the length chips, arrow to the second.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Desk phone' }).isChecked()).toBe(true);
    const focusRing = await page.evaluate(
      () => getComputedStyle(document.activeElement?.nextElementSibling as Element).outlineStyle,
    );
    expect(focusRing).toBe('solid');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'about 15 min' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Length in minutes').inputValue()).toBe('15');

    // An impossible length is refused, naming the field; a possible one goes through.
    await page.getByLabel('Length in minutes').fill('900');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Length in minutes: at most 720 (12 hours).').waitFor();
    expect(await session.readTable('calls')).toEqual([]);
    await page.getByLabel('Length in minutes').fill('15');
    await page.keyboard.press('Enter');

    await heading(page, 'How did that one go?');
    const [call] = await waitForRows(() => session.readTable<CallRecord>('calls'), 1);
    expect(call).toMatchObject({ source: 'manual', device: 'desk', durationMs: 15 * 60_000, host: '' });
    expect((call?.endedAt ?? 0) - (call?.startedAt ?? 0)).toBe(15 * 60_000);
    await click(page, 'Tough');
    await click(page, 'Next');
    await finishRoutine(page);

    const [reset] = await waitForRows(() => session.readTable<ResetRecord>('resets'), 1);
    expect(reset).toMatchObject({ kind: 'after-call', callId: call?.id });
    expect((await session.readTable<CallRecord>('calls'))[0]?.rating).toBe('tough');
    await expect
      .poll(() => page.getByTestId('last-call').textContent())
      .toContain('Logged by hand · Desk phone · 15:00');

    const insights = await session.context.newPage();
    await insights.goto(session.extensionUrl('options/index.html#insights'));
    const calls = insights
      .getByRole('term')
      .filter({ hasText: /^Calls$/ })
      .locator('xpath=following-sibling::dd');
    await expect.poll(() => calls.first().textContent()).toBe('1');
    await expect
      .poll(() => insights.getByTestId('insights-logged-by-hand').first().textContent())
      .toBe('1 (Rebound missed 0)');
    expect(session.extensionErrors).toEqual([]);
  });
});

describe('"Missed a call"', () => {
  it('marks the call missed on the dialer tab; Sites shows the trail; the report holds no message body', async () => {
    const dialer = await session.openFixture('ringcentral/index.html');
    const host = new URL(session.server.url).host;
    const trailOf = async () => {
      const trails = (await session.sessionValue<DetectorTrails>('detectorTrails')) ?? {};
      return Object.values(trails)
        .filter((trail) => trail.host === host)
        .flatMap((trail) => trail.entries);
    };
    await expect
      .poll(async () => (await trailOf()).some((entry) => entry.kind === 'adapters'), { timeout: 10_000 })
      .toBe(true);

    // The widget posts what a real one might: its call with the number in it, one message in a
    // shape no adapter knows (the number again), and the end. Rebound hears the call but, say,
    // the rep's real dialer was elsewhere: the rep says so.
    const widget = dialer.frames().find((frame) => frame !== dialer.mainFrame()) as Frame;
    await widget.evaluate((phone) => {
      const call = {
        id: 'rc-e2e-1',
        direction: 'Outbound',
        from: { phoneNumber: phone },
        to: { phoneNumber: phone, name: 'Priya Shah' },
      };
      parent.postMessage({ type: 'rc-call-init-notify', call }, '*');
      parent.postMessage({ type: 'rc-call-end-notify', call: `call to ${phone} (Priya Shah)` }, '*');
      parent.postMessage({ type: 'rc-call-end-notify', call }, '*');
    }, PHONE);
    await expect
      .poll(
        async () =>
          (await trailOf()).map((entry) =>
            entry.kind === 'adapters'
              ? 'adapters'
              : entry.kind === 'signal'
                ? `signal ${entry.signal}`
                : `dropped ${entry.reason}`,
          ),
        { timeout: 10_000 },
      )
      .toEqual(expect.arrayContaining(['adapters', 'signal started', 'signal ended', 'dropped unrecognised-message']));

    // The popup opened while the dialer tab is the one in front, as when the rep clicks the icon.
    const popup = await openPopup(session);
    await waitForCalls(session, 1, 'ringcentral');
    await dialer.bringToFront();
    await popup.getByRole('button', { name: 'Missed a call' }).dispatchEvent('click');
    await heading(popup, 'How did that one go?');
    const [missed] = await waitForCalls(session, 1, 'manual');
    expect(missed).toMatchObject({ source: 'manual', missed: true, host, outcome: 'unknown' });

    const options = await session.context.newPage();
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.goto(session.extensionUrl('options/index.html#sites'));
    await options.getByLabel('Site', { exact: true }).selectOption(host);
    const trail = options.getByRole('list', { name: `What Rebound saw on ${host}` });
    await trail.getByText('RingCentral: call started').first().waitFor();
    await trail.getByText("let go: a dialer's message in a shape Rebound doesn't know (×1)").first().waitFor();
    expect(await trail.getByText(/listening for HubSpot calling, RingCentral/).count()).toBeGreaterThan(0);
    expect(await axeViolations(options)).toEqual([]);

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Save a report' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rebound-report-127\.0\.0\.1_\d+-\d{4}-\d\d-\d\d\.json$/);
    const text = await readFile(await download.path(), 'utf8');
    const report = JSON.parse(text);
    expect(report).toMatchObject({ format: 'rebound-detector-report', site: host, windowMinutes: 15 });
    const whats = report.tabs.flatMap((tab: { entries: { what: string }[] }) => tab.entries.map((entry) => entry.what));
    expect(whats).toEqual(expect.arrayContaining(['adapters', 'signal', 'dropped']));
    expect(text).not.toMatch(PHONE_DIGITS);
    expect(text).not.toContain('Priya');
    expect(text).not.toContain('rc-e2e-1');
    expect(text).not.toContain('phoneNumber');
    expect(session.extensionErrors).toEqual([]);
  });
});
