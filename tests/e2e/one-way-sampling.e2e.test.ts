/**
 * The hook asks a connection for statistics only while its audio goes both ways: figures need the
 * rep and the other side in one connection, so a one-way connection's statistics would all be
 * thrown away (tests/fixtures/talk-call/one-way.html: a call, and beside it a one-way stream).
 * Statistics requests are counted per connection in the page; the call's own are the clock.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { extensionUnderTest } from './extension-under-test';

const session = extensionUnderTest();

/** Counts getStats calls per connection label, installed before the page's scripts (and the hook). */
const COUNT_STATS_BY_LABEL = `
  window.statsAsked = {};
  const original = RTCPeerConnection.prototype.getStats;
  RTCPeerConnection.prototype.getStats = function (...args) {
    window.statsAsked[this.label] = (window.statsAsked[this.label] ?? 0) + 1;
    return original.apply(this, args);
  };
`;

type Asked = Partial<Record<'rep' | 'far' | 'sender' | 'listener', number>>;

const asked = (page: Page): Promise<Asked> =>
  page.evaluate(() => ({ ...(window as unknown as { statsAsked: Asked }).statsAsked }));

async function openCall(): Promise<Page> {
  await session.waitForDetector();
  const page = await session.context.newPage();
  await page.addInitScript(COUNT_STATS_BY_LABEL);
  await page.goto(`${session.server.url}talk-call/one-way.html`);
  await page.mouse.click(5, 5);
  await page.waitForFunction(() => (window as unknown as { callState?: string }).callState === 'connected', undefined, {
    timeout: 15_000,
  });
  return page;
}

describe('statistics only where the audio goes both ways', () => {
  it('samples the call every second and never the one-way stream beside it', async () => {
    const page = await openCall();
    await expect.poll(async () => (await asked(page)).rep ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    const seen = await asked(page);
    expect(seen.far).toBeGreaterThanOrEqual(3);
    expect(seen.sender ?? 0).toBe(0);
    expect(seen.listener ?? 0).toBe(0);
    expect(session.extensionErrors).toEqual([]);
  });

  it('stops asking while the call is on hold and starts again when it is resumed', async () => {
    const page = await openCall();
    await expect.poll(async () => (await asked(page)).rep ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Hold' }).click();
    await page.waitForFunction(() => (window as unknown as { callState?: string }).callState === 'held');
    // A request under way when the hold landed may still finish: counted from the next second.
    await page.waitForTimeout(1200);
    const held = await asked(page);
    await page.waitForTimeout(3000);
    expect(await asked(page)).toEqual(held);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect
      .poll(async () => (await asked(page)).rep ?? 0, { timeout: 15_000 })
      .toBeGreaterThanOrEqual((held.rep ?? 0) + 2);
    expect(session.extensionErrors).toEqual([]);
  });
});
