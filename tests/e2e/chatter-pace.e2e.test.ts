/**
 * The MAIN-world prefilter on a chatty page in real Chromium (src/page/chatter-pace.ts): a chat
 * frame flooding the page with messages is read for its first seconds, then not while it floods,
 * and read again once it calms; the softphone beside it is heard all along, and a frame that has
 * posted a dialer's kind is read however fast it talks.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COUNT_CHAT_READS, readsOver, readsSoFar as readsSoFarOf } from './chat-reads';
import { extensionUnderTest } from './extension-under-test';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest({ per: 'file' });

function readsSoFar(page: Page, kind: 'chat' | 'softphone'): Promise<number> {
  return page.evaluate<number>(readsSoFarOf(kind));
}

function frameAt(page: Page, path: string): Frame {
  const frame = page.frames().find((candidate) => candidate.url().includes(path));
  if (!frame) throw new Error(`no frame at ${path}`);
  return frame;
}

describe('a chatty page', () => {
  it('stops reading a flooding chat frame, reads it again once it calms, and hears the softphone throughout', async () => {
    const page = await session.openFixture('busy-crm/index.html');
    await page.evaluate(COUNT_CHAT_READS);
    // 100 objects a second from the chat frame (and 50 strings, turned away before any read).
    expect(await readsOver(() => readsSoFar(page, 'chat'), 500)).toBeGreaterThan(20);

    // Three whole seconds at that pace, and the chat frame is not read while it keeps it up.
    await page.waitForTimeout(4000);
    expect(await readsOver(() => readsSoFar(page, 'chat'), 1500)).toBe(0);

    const softphone = page.frameLocator('#softphone');
    await softphone.getByRole('button', { name: 'Simulate incoming call' }).click();
    await softphone.getByRole('button', { name: 'Answer' }).click();
    await page.waitForTimeout(1500);
    await softphone.getByRole('button', { name: 'Hang up' }).click();
    const [call] = await waitForCalls(session, 1, 'hubspot');
    expect(call).toMatchObject({ direction: 'inbound', outcome: 'completed' });

    // Calm: a second below the pace, and the chat frame's next messages are read again.
    const chat = frameAt(page, 'chatty-widget.html');
    await chat.evaluate(() => (window as unknown as { stopChatter(): void }).stopChatter());
    await page.waitForTimeout(2200);
    const beforeCalm = await readsSoFar(page, 'chat');
    await chat.evaluate(() => {
      for (let n = 0; n < 5; n++) window.parent.postMessage({ type: 'presence', data: { typing: false } }, '*');
    });
    await expect.poll(async () => (await readsSoFar(page, 'chat')) - beforeCalm).toBe(5);

    // The softphone has posted a dialer's kind: read however fast it talks.
    await frameAt(page, 'softphone.html').evaluate(() => {
      const flood = setInterval(() => {
        for (let n = 0; n < 3; n++) window.parent.postMessage({ type: 'softphone-presence' }, '*');
      }, 20);
      setTimeout(() => clearInterval(flood), 6000);
    });
    await page.waitForTimeout(4500);
    expect(await readsOver(() => readsSoFar(page, 'softphone'), 1000)).toBeGreaterThan(50);
  });
});
