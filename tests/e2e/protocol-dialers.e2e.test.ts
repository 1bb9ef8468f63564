/**
 * The postMessage dialer families, each on its fixture (tests/fixtures/<family>/): a call made
 * in the widget iframe, ended, and found in `calls` with the right source, length, outcome and
 * end reason.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { placeCall } from './place-call';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest({ per: 'file' });

const TALK_MS = 1500;

async function openWidget(family: string): Promise<{ page: Page; widget: FrameLocator }> {
  const page = await session.openFixture(`${family}/index.html?answerDelayMs=200`);
  return { page, widget: page.frameLocator('#widget') };
}

async function status(widget: FrameLocator, text: string): Promise<void> {
  await expect.poll(() => widget.locator('#call-status').textContent()).toBe(text);
}

const callsFrom = (source: string, count: number): Promise<CallRecord[]> => waitForCalls(session, count, source);

async function outgoingCall(widget: FrameLocator, page: Page): Promise<void> {
  await placeCall(page, {
    dial: widget.getByRole('button', { name: 'Call', exact: true }),
    status: widget,
    hangUp: widget.getByRole('button', { name: 'Hang up' }),
    talkMs: TALK_MS,
  });
  await status(widget, 'Call ended');
}

async function incomingCall(widget: FrameLocator, page: Page): Promise<void> {
  await widget.getByRole('button', { name: 'Simulate incoming call' }).click();
  await status(widget, 'Ringing…');
  await widget.getByRole('button', { name: 'Answer' }).click();
  await status(widget, 'On call');
  await page.waitForTimeout(TALK_MS);
  await widget.getByRole('button', { name: 'Hang up' }).click();
  await status(widget, 'Call ended');
}

function expectTalked(call: CallRecord | undefined, direction: 'inbound' | 'outbound', minMs = TALK_MS): void {
  expect(call).toMatchObject({ outcome: 'completed', endReason: 'hang-up', direction });
  expect(call?.host).toBe(new URL(session.server.url).host);
  expect(call?.durationMs).toBeGreaterThanOrEqual(minMs);
  expect(call?.durationMs).toBeLessThan(15_000);
}

describe('postMessage dialer families', () => {
  it('HubSpot calling extensions: an incoming call, and a busy outgoing one', async () => {
    const page = await session.openDemoDialer('answerDelayMs=0');
    const softphone = page.frameLocator('#softphone');
    await softphone.getByRole('button', { name: 'Simulate incoming call' }).click();
    await status(softphone, 'Ringing…');
    await softphone.getByRole('button', { name: 'Answer' }).click();
    await status(softphone, 'On call');
    await page.waitForTimeout(TALK_MS);
    await softphone.getByRole('button', { name: 'Hang up' }).click();
    const [incoming] = await callsFrom('hubspot', 1);
    expectTalked(incoming, 'inbound');
    await page.close();

    // endStatus makes the demo softphone report what Hang up ended as: here, a busy line.
    const busyLine = await session.openDemoDialer('answerDelayMs=0&endStatus=BUSY');
    await busyLine.getByRole('button', { name: 'Call Dana Whitfield' }).click();
    await status(busyLine.frameLocator('#softphone'), 'On call');
    await busyLine.frameLocator('#softphone').getByRole('button', { name: 'Hang up' }).click();
    const outgoing = (await callsFrom('hubspot', 2)).find((call) => call.callKey !== incoming?.callKey);
    expect(outgoing).toMatchObject({ direction: 'outbound', outcome: 'busy', endReason: 'hang-up' });
    await busyLine.close();
  });

  it('RingCentral Embeddable: a held and resumed outgoing call is one call, ended by the hang-up', async () => {
    const { page, widget } = await openWidget('ringcentral');
    await widget.getByRole('button', { name: 'Call', exact: true }).click();
    await status(widget, 'On call');
    await widget.getByRole('button', { name: 'Hold' }).click();
    await status(widget, 'On hold');
    await page.waitForTimeout(TALK_MS);
    await widget.getByRole('button', { name: 'Resume' }).click();
    await status(widget, 'On call');
    await widget.getByRole('button', { name: 'Hang up' }).click();
    const [call] = await callsFrom('ringcentral', 1);
    expectTalked(call, 'outbound');
    expect(call?.callKey).toMatch(/^ringcentral:[0-9a-f-]{36}$/);
    await page.close();
  });

  it('Aircall: an answered incoming call, then a declined one', async () => {
    const { page, widget } = await openWidget('aircall');
    await incomingCall(widget, page);
    const [answered] = await callsFrom('aircall', 1);
    // Aircall reports whole seconds.
    expectTalked(answered, 'inbound', 1000);

    await widget.getByRole('button', { name: 'Simulate incoming call' }).click();
    await status(widget, 'Ringing…');
    await widget.getByRole('button', { name: 'Decline' }).click();
    const declined = (await callsFrom('aircall', 2)).find((call) => call.callKey !== answered?.callKey);
    expect(declined).toMatchObject({ outcome: 'canceled', endReason: 'hang-up', direction: 'inbound' });
    await page.close();
  });

  it('JustCall: an outgoing call with its reported length', async () => {
    const { page, widget } = await openWidget('justcall');
    await outgoingCall(widget, page);
    const [call] = await callsFrom('justcall', 1);
    expectTalked(call, 'outbound', 1000);
    expect((call?.durationMs ?? 0) % 1000).toBe(0);
    await page.close();
  });

  it('Zoom Phone Smart Embed: an incoming call; the later call log does not make a second one', async () => {
    const { page, widget } = await openWidget('zoom-phone');
    await incomingCall(widget, page);
    const [call] = await callsFrom('zoom-phone', 1);
    expectTalked(call, 'inbound');
    await page.waitForTimeout(1000);
    expect(await callsFrom('zoom-phone', 1)).toHaveLength(1);
    await page.close();
  });

  it('Dialpad CTI: ringing and the WebRTC hook make one call ended by the audio; a declined call is missed', async () => {
    const { page, widget } = await openWidget('dialpad');
    await widget.getByRole('button', { name: 'Simulate incoming call' }).click();
    await status(widget, 'Ringing…');
    await widget.getByRole('button', { name: 'Answer' }).click();
    await status(widget, 'On call');
    // The talk time runs from when the audio connects, a moment after the answer.
    await expect.poll(() => widget.locator('body').getAttribute('data-audio'), { timeout: 15_000 }).toBe('connected');
    await page.waitForTimeout(TALK_MS);
    await widget.getByRole('button', { name: 'Hang up' }).click();
    const [call] = await callsFrom('dialpad', 1);
    expect(call).toMatchObject({ direction: 'inbound', outcome: 'completed', endReason: 'hang-up' });
    expect(call?.durationMs).toBeGreaterThanOrEqual(TALK_MS);
    expect(call?.durationMs).toBeLessThan(15_000);
    expect(await callsFrom('webrtc', 0)).toEqual([]);

    // Declined: the ringing stops and no audio ever connects, so it ends as a missed call.
    await widget.getByRole('button', { name: 'Simulate incoming call' }).click();
    await status(widget, 'Ringing…');
    await widget.getByRole('button', { name: 'Decline' }).click();
    const [answered, declined] = await callsFrom('dialpad', 2);
    expect(answered).toMatchObject({ callKey: call?.callKey, outcome: 'completed' });
    expect(declined).toMatchObject({ direction: 'inbound', outcome: 'no-answer', endReason: 'hang-up' });
    expect(await callsFrom('webrtc', 0)).toEqual([]);
    await page.close();
  });

  it('stays quiet and keeps the page responsive under a flood of malformed messages', async () => {
    const { page } = await openWidget('aircall');
    const before = (await session.readTable<CallRecord>('calls')).filter((call) => call.source === 'aircall');
    await page.evaluate(() => {
      const counter = window as unknown as { received: number };
      counter.received = 0;
      window.addEventListener('message', () => {
        counter.received += 1;
      });
    });
    const widget = page.frame({ url: /softphone-shell\/widget\.html\?.*protocol=aircall/ });
    await widget?.evaluate(() => {
      const junk = [
        { name: 'apm_phone_call_ended', value: { duration: 'forever' } },
        { name: 'apm_phone_call_end_ringtone', value: { answer_status: 'maybe', call_id: 1 } },
        { name: 'apm_phone_call_ended', value: { call_id: { nested: true } } },
        { type: 'rc-call-end-notify' },
        'apm_phone_call_ended',
      ];
      for (let i = 0; i < 20_000; i++) window.parent.postMessage(junk[i % junk.length], '*');
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { received: number }).received)).toBe(20_000);
    // The page still answers, and a real call right after the flood is heard.
    const frame = page.frameLocator('#widget');
    await frame.getByRole('button', { name: 'Call', exact: true }).click();
    await status(frame, 'On call');
    await frame.getByRole('button', { name: 'Hang up' }).click();
    const after = await callsFrom('aircall', before.length + 1);
    const heard = after.find((call) => !before.some((old) => old.callKey === call.callKey));
    expect(heard).toMatchObject({ outcome: 'completed', endReason: 'hang-up', direction: 'outbound' });
    await page.close();
  });

  it('leaves no errors behind', () => {
    expect(session.extensionErrors).toEqual([]);
  });
});
