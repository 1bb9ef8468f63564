/**
 * Issue 15 in real Chromium: an import is one transaction even when the page dies half way, its
 * progress shows while it writes, and the daily roll-ups it leaves equal a rebuild from the rows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { importHistoryThroughOptions } from '../../scripts/driver/import-history';
import { generateHistory } from '../../scripts/seed-history';
import { localClock } from '../../src/db/day-clock';
import { compareRollups } from '../../src/db/day-rollup-check';
import { type DayRollup, rollupsFromScratch } from '../../src/db/day-rollups';
import type { CallRecord, ResetRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { storedRows } from './stored-rows';

const session = extensionUnderTest({ settings: {} });

async function yourData(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('options/index.html#your-data'));
  await page.getByLabel('Choose a JSON export').waitFor();
  return page;
}

const snapshot = async () => ({
  calls: await storedRows<CallRecord>(session, 'calls'),
  resets: await storedRows<ResetRecord>(session, 'resets'),
  followUps: await session.readTable('followUps'),
  dayRollups: await session.readTable<DayRollup>('dayRollups'),
});

/** Every table, read raw from a new extension page (a crash takes the session's own page with it). */
async function snapshotFromNewPage() {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('options/index.html'));
  const tables = await page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('rebound');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const names = ['calls', 'resets', 'followUps', 'dayRollups', 'callPacks', 'resetPacks'];
          const tx = open.result.transaction(names, 'readonly');
          const read: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => {
              read[name] = request.result;
            };
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve(read);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.close();
  return tables;
}

it('after an import, the stored daily roll-ups equal a rebuild from the rows, and Insights reads them', async () => {
  const history = generateHistory({ calls: 400, resets: 150, endAt: Date.now() });
  const page = await yourData();
  await importHistoryThroughOptions(page, history);
  const { calls, resets, dayRollups } = await snapshot();
  expect(calls).toHaveLength(400);
  expect(dayRollups.length).toBeGreaterThan(0);
  expect(compareRollups(dayRollups, rollupsFromScratch(calls, resets, localClock)).differing).toEqual([]);

  const insights = await session.context.newPage();
  await insights.goto(session.extensionUrl('options/index.html#insights'));
  await insights.getByRole('button', { name: 'All' }).click();
  await insights.locator('dl.figures dd').first().filter({ hasText: /^400$/ }).waitFor();
  expect(session.extensionErrors).toEqual([]);
});

it('an import whose page is killed half way leaves the database exactly as it was', async () => {
  const page = await yourData();
  await importHistoryThroughOptions(page, generateHistory({ calls: 60, endAt: Date.now(), seed: 3 }));
  const before = await snapshotFromNewPage();
  expect((before.callPacks as { rows: unknown[] }[]).flatMap((pack) => pack.rows)).toHaveLength(60);

  // Packed, 60,000 rows take well under a second: the history is large enough to be killed in.
  const big = generateHistory({ calls: 200_000, resets: 100_000, endAt: Date.now() - 90 * 86_400_000, seed: 11 });
  // Over the 50 MB a file handed over as a buffer may hold: handed over as a path.
  const file = join(mkdtempSync(join(tmpdir(), 'rebound-import-')), 'big.json');
  writeFileSync(file, JSON.stringify(big));
  await page.getByLabel('Choose a JSON export').setInputFiles(file);
  await page.getByRole('heading', { name: 'big.json will add:' }).waitFor({ timeout: 60_000 });
  const cdp = await session.context.newCDPSession(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  // The progress bar, named by its label, shows rows written: the transaction is under way. Its
  // two ends are read at once, as the bar goes the moment the import commits.
  const progress = page.getByRole('progressbar', { name: /^Rows written: [\d,]+ of [\d,]+$/ });
  const underWay = () =>
    progress.evaluateAll((bars) =>
      bars.some((bar) => {
        const written = Number(bar.getAttribute('value'));
        return written > 0 && written < Number(bar.getAttribute('max'));
      }),
    );
  await expect.poll(underWay, { timeout: 60_000 }).toBe(true);

  // Kill the page's renderer at once, as a crash would; the transaction never commits.
  void cdp.send('Page.crash').catch(() => undefined);
  await expect.poll(() => page.isClosed() || page.evaluate(() => false).catch(() => true)).toBe(true);

  expect(await snapshotFromNewPage()).toEqual(before);
});
