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

/**
 * Installed before the page's scripts (and the hook): counts getStats and getTransceivers calls
 * per connection label, and how reports are read: whole (forEach) or one entry by id (get).
 */
const COUNT_STATS_BY_LABEL = `
  window.statsAsked = {};
  window.directionsRead = {};
  window.reportReads = { whole: 0, byId: 0 };
  const countBy = (counts, method) => {
    const original = RTCPeerConnection.prototype[method];
    RTCPeerConnection.prototype[method] = function (...args) {
      counts[this.label] = (counts[this.label] ?? 0) + 1;
      // A test can forge a negotiation event while each statistics request is under way.
      if (window.forgeWhileAsking && method === 'getStats') {
        queueMicrotask(() => this.dispatchEvent(new Event('signalingstatechange')));
      }
      return original.apply(this, args);
    };
  };
  countBy(window.statsAsked, 'getStats');
  countBy(window.directionsRead, 'getTransceivers');
  for (const [method, count] of [['forEach', 'whole'], ['get', 'byId']]) {
    const original = RTCStatsReport.prototype[method];
    RTCStatsReport.prototype[method] = function (...args) {
      window.reportReads[count] += 1;
      return original.apply(this, args);
    };
  }
`;

type Asked = Partial<Record<'rep' | 'far' | 'sender' | 'listener', number>>;
interface Counted {
  statsAsked: Asked;
  directionsRead: Asked;
  reportReads: { whole: number; byId: number };
}

const counted = (page: Page): Promise<Counted> =>
  page.evaluate(() => {
    const { statsAsked, directionsRead, reportReads } = window as unknown as Counted;
    return structuredClone({ statsAsked, directionsRead, reportReads });
  });
const asked = async (page: Page): Promise<Asked> => (await counted(page)).statsAsked;

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

  it('reads a report by its audio entries alone once its streams settle, and directions once per negotiation', async () => {
    const page = await openCall();
    const reports = (seen: Counted) => (seen.statsAsked.rep ?? 0) + (seen.statsAsked.far ?? 0);
    // The first seconds bring new entries (the far end's first RTCP reports): each walks a report whole.
    await expect.poll(async () => (await asked(page)).rep ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
    const settled = await counted(page);
    await expect.poll(async () => (await asked(page)).rep ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
    const later = await counted(page);
    const read = reports(later) - reports(settled);
    expect(later.reportReads.whole - settled.reportReads.whole).toBeLessThanOrEqual(2);
    // Two audio entries a report: the rep's microphone and the other side as played.
    expect(later.reportReads.byId - settled.reportReads.byId).toBeGreaterThanOrEqual(2 * (read - 4));
    // The listening end is live but one-way: its directions were read when it went live, not every second.
    expect(later.directionsRead.listener).toBe(1);
    expect(session.extensionErrors).toEqual([]);
  });

  it('asks no more often when the page forges negotiation events on a call being sampled', async () => {
    const page = await openCall();
    await expect.poll(async () => (await asked(page)).rep ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const before = await asked(page);
    await page.evaluate(() => {
      (window as unknown as { forgeWhileAsking: boolean }).forgeWhileAsking = true;
    });
    await page.waitForTimeout(3000);
    const after = await asked(page);
    // About one a second each, as without the forgery.
    expect((after.rep ?? 0) - (before.rep ?? 0)).toBeLessThanOrEqual(5);
    expect((after.far ?? 0) - (before.far ?? 0)).toBeLessThanOrEqual(5);
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
