/**
 * The thin path, all real: a call in the demo dialer → the detector → the background tracker →
 * a `calls` row → the toast → rated tough → Reset → the routine with a real breath → a `resets`
 * row → the popup shows the call.
 */
import { describe, expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import { ExtensionPopup } from '../../scripts/driver/extension-popup';
import type { CallRecord, ResetRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { callOnDemoDialer } from './place-call';
import { skipToReady } from './popup-driver';

const session = extensionUnderTest();

async function waitForRows<T>(read: () => Promise<T[]>, count: number): Promise<T[]> {
  await expect.poll(async () => (await read()).length, { timeout: 10_000 }).toBe(count);
  return read();
}

describe('a call on the demo dialer', () => {
  it('is recorded, nudged, rated, reset, and shown in the popup', async () => {
    const page = await session.openDemoDialer('answerDelayMs=0');
    const toast = await ClosedShadowToast.attach(page);
    await callOnDemoDialer(page, { talkMs: 1500 });

    const [call] = await waitForRows(() => session.readTable<CallRecord>('calls'), 1);
    expect(call).toMatchObject({
      source: 'hubspot',
      outcome: 'completed',
      endReason: 'hang-up',
      direction: 'outbound',
    });
    expect(call?.host).toBe(new URL(session.server.url).host);
    expect(call?.durationMs).toBeGreaterThanOrEqual(1500);
    expect(call?.durationMs).toBeLessThan(10_000);

    await toast.waitShown();
    expect(await toast.text()).toContain('How did that one go?');
    expect(await toast.roleAttribute('status', 'aria-label')).toBe('Rebound');

    await toast.click('Tough');
    await expect.poll(async () => (await session.readTable<CallRecord>('calls'))[0]?.rating).toBe('tough');
    expect(await toast.buttonAttribute('Tough', 'aria-pressed')).toBe('true');

    await toast.click('Reset');
    const routine = await ExtensionPopup.waitFor(page, session.extensionUrl('popup/index.html'));
    await expect.poll(() => toast.isShown()).toBe(false);

    // Already rated in the toast, so the routine starts with the breath.
    await routine.waitForText('Breathe');
    const breathStarted = Date.now();
    await routine.waitForText('Throw it away', 15_000);
    expect(Date.now() - breathStarted).toBeGreaterThanOrEqual(4000);
    // The middle steps are skipped here (routines.e2e runs them); the routine still ends ready.
    await skipToReady(routine);
    await routine.clickButton('Done');
    await routine.waitForText('Reset done');
    expect(routine.errors).toEqual([]);

    const [reset] = await waitForRows(() => session.readTable<ResetRecord>('resets'), 1);
    expect(reset).toMatchObject({
      kind: 'after-call',
      callId: call?.id,
      steps: ['breathe-5', 'positive', 'belief'],
    });
    expect(reset?.completedAt).toBeGreaterThanOrEqual(reset?.startedAt ?? Number.POSITIVE_INFINITY);

    const popup = await session.context.newPage();
    await popup.goto(session.extensionUrl('popup/index.html'));
    const lastCall = popup.getByTestId('last-call');
    await expect.poll(() => lastCall.textContent()).toContain('You rated it: Tough');
    expect(await lastCall.textContent()).toContain('Reset done');
    expect(await lastCall.textContent()).toContain('HubSpot calling');
    await popup.getByRole('button', { name: 'Quick reset' }).waitFor();

    // CALL_COMPLETED followed CALL_ENDED: still one call.
    expect(await session.readTable('calls')).toHaveLength(1);
    expect(session.extensionErrors).toEqual([]);
  });

  it('ignores messages the page forges or that do not match the protocol', async () => {
    const page = await session.openDemoDialer('answerDelayMs=0');
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    // The page posting the widget's messages to itself: not a child frame.
    await page.evaluate(() => {
      for (const type of ['OUTGOING_CALL_STARTED', 'CALL_ANSWERED', 'CALL_ENDED']) {
        window.postMessage(
          { type, data: { externalCallId: 'forged', callEndStatus: 'COMPLETED' }, messageId: '1_1' },
          '*',
        );
      }
    });
    // A child frame posting junk.
    const softphone = page.frame({ url: /softphone\.html/ });
    await softphone?.evaluate(() => {
      const junk: unknown[] = [
        null,
        'CALL_ENDED',
        { type: 'CALL_ENDED' },
        { type: 'CALL_ENDED', data: { externalCallId: 42 }, messageId: '1_2' },
        { type: 'CALL_ENDED', data: { externalCallId: 'x'.repeat(5000) }, messageId: '1_3' },
        { type: 'NOT_A_TYPE', data: {}, messageId: '1_4' },
        [1, 2, 3],
      ];
      for (const message of junk) window.parent.postMessage(message, '*');
    });
    await page.waitForTimeout(1000);
    expect(await session.readTable('calls')).toEqual([]);
    expect(await (await ClosedShadowToast.attach(page)).isShown()).toBe(false);
    expect(pageErrors).toEqual([]);
    expect(session.extensionErrors).toEqual([]);
  });

  it('records a repeated end once, and an end without a start with an unknown length', async () => {
    const page = await session.openDemoDialer('answerDelayMs=0');
    const toast = await ClosedShadowToast.attach(page);
    const softphone = page.frame({ url: /softphone\.html/ });
    await softphone?.evaluate(() => {
      const end = { type: 'CALL_ENDED', data: { externalCallId: 'seen-mid-call', callEndStatus: 'COMPLETED' } };
      window.parent.postMessage({ ...end, messageId: '7_1' }, '*');
      window.parent.postMessage({ ...end, messageId: '7_2' }, '*');
      window.parent.postMessage(
        { type: 'CALL_COMPLETED', data: { externalCallId: 'seen-mid-call' }, messageId: '7_3' },
        '*',
      );
    });
    const [call] = await waitForRows(() => session.readTable<CallRecord>('calls'), 1);
    expect(call).toMatchObject({ callKey: 'hubspot:seen-mid-call', outcome: 'completed' });
    expect(call?.startedAt).toBeUndefined();
    expect(call?.durationMs).toBeUndefined();
    await toast.waitShown();
    expect(await toast.text()).toContain('length unknown');
    await page.waitForTimeout(1500);
    expect(await session.readTable('calls')).toHaveLength(1);
  });

  it('keeps the extension free of errors with an empty history', async () => {
    const popup = await session.context.newPage();
    await popup.goto(session.extensionUrl('popup/index.html'));
    await popup.getByText('No calls yet').waitFor();
    await popup.getByRole('button', { name: 'Quick reset' }).click();
    await popup.getByRole('heading', { name: 'Breathe' }).waitFor();
    await popup.getByRole('button', { name: 'Skip' }).click();
    await popup.getByRole('button', { name: 'Quick reset' }).waitFor();
    const [reset] = await waitForRows(() => session.readTable<ResetRecord>('resets'), 1);
    expect(reset).toMatchObject({ kind: 'quick', steps: [] });
    expect(session.extensionErrors).toEqual([]);
  });
});
