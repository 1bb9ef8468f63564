/**
 * Options → History, Insights, Follow-ups and Your data in real Chromium, on histories that go
 * in through the real import UI (the seed generator writes the export file).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importHistoryThroughOptions } from '../../scripts/driver/import-history';
import { generateHistory } from '../../scripts/seed-history';
import { localClock } from '../../src/db/day-clock';
import { rollupsFromScratch } from '../../src/db/day-rollups';
import type { ExportDocument } from '../../src/db/export-format';
import type { CallRecord, ResetRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { storedRows } from './stored-rows';

const session = extensionUnderTest({ settings: {} });

async function openSection(section: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl(`options/index.html#${section}`));
  return page;
}

/** A generated history of `calls`, imported through Your data, which stays open. */
async function importedHistory(calls: number, endAt = Date.now()) {
  const history = generateHistory({ calls, endAt });
  const data = await openSection('your-data');
  await importHistoryThroughOptions(data, history);
  return { history, data };
}

const localDay = (ms: number) => {
  const day = new Date(ms);
  return [day.getFullYear(), day.getMonth() + 1, day.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
};

describe('History', () => {
  it('filters by date range, dialer and rating, searches lessons, opens a call, edits its rating, deletes it', async () => {
    const { history } = await importedHistory(400);

    const page = await openSection('history');
    const count = (n: number) =>
      page.getByRole('status').getByText(`Matching calls: ${n.toLocaleString('en-US')}`, { exact: true });
    await count(400).waitFor();

    const tough = history.calls.filter((call) => call.rating === 'tough');
    await page.getByLabel('Rating', { exact: true }).selectOption({ label: 'Tough' });
    await count(tough.length).waitFor();

    const aircallTough = tough.filter((call) => call.source === 'aircall');
    await page.getByLabel('Dialer', { exact: true }).selectOption('aircall');
    await count(aircallTough.length).waitFor();

    // A date range of one local day, inclusive at both ends.
    const day = localDay(history.calls[200]?.endedAt as number);
    const onDay = aircallTough.filter((call) => localDay(call.endedAt) === day);
    await page.getByLabel('From', { exact: true }).fill(day);
    await page.getByLabel('To', { exact: true }).fill(day);
    await count(onDay.length).waitFor();

    await page.getByLabel('From', { exact: true }).fill('');
    await page.getByLabel('To', { exact: true }).fill('');
    await page.getByLabel('Dialer', { exact: true }).selectOption('');
    await page.getByLabel('Rating', { exact: true }).selectOption('');
    const withLesson = new Set(
      history.resets
        .filter((reset) => reset.lesson?.doDifferently?.toLowerCase().includes('budget earlier'))
        .map((reset) => reset.callId),
    );
    expect(withLesson.size).toBeGreaterThan(0);
    await page.getByLabel('Search lessons and notes').fill('Budget Earlier');
    await count(withLesson.size).waitFor();

    // The newest matching call opens with its reset; the rating can be changed and the call deleted.
    const newest = history.calls.filter((call) => withLesson.has(call.id)).at(-1) as CallRecord;
    await page.getByRole('list', { name: 'Calls, newest first' }).getByRole('button').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Next time: Ask about budget earlier').waitFor();
    await dialog.getByLabel('Rating').selectOption({ label: 'So-so' });
    await expect
      .poll(async () => (await session.readTable<CallRecord>('calls')).find((call) => call.id === newest.id)?.rating)
      .toBe('so-so');
    await dialog.getByRole('button', { name: 'Delete this call' }).click();
    await dialog.getByRole('button', { name: 'Yes, delete it' }).click();
    await count(withLesson.size - 1).waitFor();
    // Imported calls are packed: rating and deleting one took it alone out of its pack.
    await expect.poll(async () => (await storedRows<CallRecord>(session, 'calls')).length).toBe(399);
    const resets = await storedRows<ResetRecord>(session, 'resets');
    expect(resets.some((reset) => reset.callId === newest.id)).toBe(false);
    expect(session.extensionErrors).toEqual([]);
  });

  // 20,000 rows already need the window (drawing them all would take seconds); the bench's
  // history figures run the same views at 100,000.
  it('stays a window of rows with 20,000 calls, however far it scrolls', async () => {
    const history = generateHistory({ calls: 20_000, endAt: Date.now() });
    const page = await openSection('history');
    // Written straight into IndexedDB in chunks: the import UI is exercised by the other tests.
    // Raw writes pass by the extension's roll-up upkeep, so the roll-ups it would keep go in too.
    const writes: Array<['calls' | 'dayRollups', unknown[]]> = [];
    for (let start = 0; start < history.calls.length; start += 10_000)
      writes.push(['calls', history.calls.slice(start, start + 10_000)]);
    writes.push(['dayRollups', rollupsFromScratch(history.calls, [], localClock)]);
    for (const [store, chunk] of writes) {
      await page.evaluate(
        ({ store, rows }) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('rebound');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction(store, 'readwrite');
              for (const row of rows) tx.objectStore(store).add(row);
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        { store, rows: chunk },
      );
    }
    await page.reload();
    await page.getByText('Matching calls: 20,000', { exact: true }).waitFor({ timeout: 30_000 });
    const list = page.getByRole('list', { name: 'Calls, newest first' });
    const rows = list.getByRole('listitem');
    await rows.first().getByRole('button').waitFor();
    expect(await rows.count()).toBeLessThan(40);

    for (const target of [10_000, 19_990, 10]) {
      const started = performance.now();
      await page.locator('.windowed-list').evaluate((box, row) => {
        box.scrollTop = row * 64;
      }, target);
      const row = list.locator(`li[aria-posinset="${target + 1}"]`);
      await row.getByRole('button').waitFor();
      console.log(
        `History: row ${target + 1} of 20,000 drawn ${Math.round(performance.now() - started)} ms after scrolling`,
      );
      expect(await rows.count()).toBeLessThan(40);
      const call = history.calls[history.calls.length - 1 - target] as CallRecord;
      const shown = new Date(call.endedAt);
      expect(await row.textContent()).toContain(shown.toLocaleString('en-US', { month: 'short' }));
    }

    // Keyboard: End reaches the oldest call, drawn on the way, and focus lands on it.
    await list.locator('li[aria-posinset="11"]').getByRole('button').focus();
    await page.keyboard.press('End');
    const last = list.locator('li[aria-posinset="20000"]').getByRole('button');
    await expect.poll(() => last.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    const beforeLast = list.locator('li[aria-posinset="19999"]').getByRole('button');
    await expect.poll(() => beforeLast.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await rows.count()).toBeLessThan(40);

    const insights = await openSection('insights');
    const started = performance.now();
    await insights.getByRole('button', { name: 'All' }).click();
    await insights
      .getByRole('definition')
      .filter({ hasText: /^20,000$/ })
      .waitFor({ timeout: 30_000 });
    console.log(`Insights: all-time figures over 20,000 calls in ${Math.round(performance.now() - started)} ms`);

    // Export streams in chunks: record the longest gap between frames while it runs (a figure).
    const data = await openSection('your-data');
    await data.evaluate(() => {
      const state = globalThis as unknown as { longestFrameGap: number };
      state.longestFrameGap = 0;
      let last = performance.now();
      const tick = (now: number) => {
        state.longestFrameGap = Math.max(state.longestFrameGap, now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const exportStarted = performance.now();
    const downloading = data.waitForEvent('download', { timeout: 60_000 });
    await data.getByRole('button', { name: 'Export everything (JSON)' }).click();
    const exported = JSON.parse(await readFile((await (await downloading).path()) as string, 'utf8')) as ExportDocument;
    expect(exported.calls).toHaveLength(20_000);
    const gap = await data.evaluate(() => (globalThis as unknown as { longestFrameGap: number }).longestFrameGap);
    console.log(
      `Export: 20,000 calls as JSON in ${Math.round(performance.now() - exportStarted)} ms, longest frame gap ${Math.round(gap)} ms`,
    );
    expect(session.extensionErrors).toEqual([]);
  }, 240_000);
});

describe('Your data', () => {
  it('exports JSON and CSV downloads that hold the database', async () => {
    const { data: page } = await importedHistory(300);

    const json = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export everything (JSON)' }).click();
    const download = await json;
    expect(download.suggestedFilename()).toMatch(/^rebound-export-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile((await download.path()) as string, 'utf8')) as ExportDocument;
    expect(exported.format).toBe('rebound-export');
    expect(exported.calls).toEqual(await storedRows(session, 'calls'));
    expect(exported.resets).toEqual(await storedRows(session, 'resets'));
    expect(exported.followUps).toEqual(await session.readTable('followUps'));

    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Calls (CSV)' }).click();
    const csvDownload = await csv;
    const lines = (await readFile((await csvDownload.path()) as string, 'utf8')).trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,callKey,dialer,/);
    expect(lines).toHaveLength(301);
    expect(session.extensionErrors).toEqual([]);
  });

  it('previews an import, applies it, and a second import of the same file adds nothing', async () => {
    const history = generateHistory({ calls: 250, endAt: Date.now() });
    const page = await openSection('your-data');
    await page.getByLabel('Choose a JSON export').setInputFiles({
      name: 'mine.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(history)),
    });
    await page.getByText('Calls: 250 new, 0 already here (kept as they are)').waitFor();
    await page.getByText(`Resets: ${history.resets.length} new, 0 already here`).waitFor();
    expect(await session.readTable('calls')).toEqual([]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(`Imported. Calls: 250, resets: ${history.resets.length},`).waitFor();
    expect(await storedRows(session, 'calls')).toEqual(history.calls);
    expect(await storedRows(session, 'resets')).toEqual(history.resets);

    await page.getByLabel('Choose a JSON export').setInputFiles({
      name: 'mine.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(history)),
    });
    await page.getByText('Calls: 0 new, 250 already here (kept as they are)').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported. Calls: 0, resets: 0, follow-ups: 0.').waitFor();
    expect(await storedRows(session, 'calls')).toHaveLength(250);
    expect(session.extensionErrors).toEqual([]);
  });

  it('rejects a bad file, names the problem and where, and changes nothing', async () => {
    const page = await openSection('your-data');
    const broken = generateHistory({ calls: 20, endAt: Date.now() }) as unknown as { calls: Record<string, unknown>[] };
    (broken.calls[4] as Record<string, unknown>).endedAt = 'yesterday';
    await page.getByLabel('Choose a JSON export').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const alert = page.getByRole('alert');
    await alert.getByText("broken.json can't be imported. Nothing was changed.").waitFor();
    await alert.getByText('At calls[4].endedAt: expected number, found "yesterday".').waitFor();

    await page.getByLabel('Choose a JSON export').setInputFiles({
      name: 'junk.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(10 * 1024 * 1024, 0x7b),
    });
    await alert.getByText("junk.bin can't be imported. Nothing was changed.").waitFor();
    await alert.getByText(/The file isn't JSON/).waitFor();
    expect(await session.readTable('calls')).toEqual([]);
    expect(session.extensionErrors).toEqual([]);
  });

  it('retention: history older than the days set is deleted by the background', async () => {
    const testStart = Date.now();
    const { history, data: page } = await importedHistory(400, testStart);
    const field = page.getByLabel('Delete history older than (days, 0 keeps everything)');
    await field.fill('3');
    await field.blur();
    await page.getByText('History older than 3 days is deleted now and every day.').waitFor();

    const threeDays = 3 * 24 * 60 * 60 * 1000;
    await expect
      .poll(async () =>
        (await session.readTable<CallRecord>('calls')).every((call) => call.endedAt >= testStart - threeDays),
      )
      .toBe(true);
    const kept = await session.readTable<CallRecord>('calls');
    const recent = history.calls.filter((call) => call.endedAt > Date.now() - threeDays + 60_000);
    expect(kept.length).toBeLessThan(400);
    expect(kept.map((call) => call.id)).toEqual(expect.arrayContaining(recent.map((call) => call.id)));
    // The same deletion runs daily: the background keeps a daily alarm for it.
    const alarm = await session.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ periodInMinutes?: number }> } } }
      ).chrome.alarms.get('retention'),
    );
    expect(alarm?.periodInMinutes).toBe(24 * 60);
    const keptIds = new Set(kept.map((call) => call.id));
    const resets = await session.readTable<ResetRecord>('resets');
    expect(resets.every((reset) => reset.callId === undefined || keptIds.has(reset.callId))).toBe(true);
    expect(session.extensionErrors).toEqual([]);
  });

  it('delete everything, after confirming, empties every table and resets the settings', async () => {
    await session.setSettings({ breathSeconds: 30 });
    const { data: page } = await importedHistory(120);
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete everything?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await storedRows(session, 'calls')).toHaveLength(120);

    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await dialog.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByText('Everything was deleted.').waitFor();
    for (const table of ['calls', 'resets', 'followUps', 'callPacks', 'resetPacks'] as const)
      expect(await session.readTable(table)).toEqual([]);
    const stored = await session.worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.local.get('settings'),
    );
    expect(stored).toEqual({});
    expect(session.extensionErrors).toEqual([]);
  });
});

describe('Insights and Follow-ups', () => {
  it('shows the figures of a period with a table for each chart, and follow-ups by state', async () => {
    const { history } = await importedHistory(200);

    const page = await openSection('insights');
    await page.getByRole('button', { name: 'All' }).click();
    const tough = history.calls.filter((call) => call.rating === 'tough').length;
    await page
      .getByRole('definition')
      .filter({ hasText: new RegExp(`^${tough} \\(`) })
      .waitFor();
    const byHour = page.getByRole('table', { name: 'Tough calls by hour of day' });
    expect(await byHour.getByRole('row').count()).toBe(25);
    await page.getByRole('heading', { name: 'Your day' }).waitFor();

    const followUps = await openSection('follow-ups');
    const done = history.followUps.filter((row) => row.doneAt !== undefined).length;
    await followUps.getByRole('heading', { name: `Done (${done})` }).waitFor();
    const open = history.followUps.find((row) => row.doneAt === undefined);
    if (open) {
      await followUps
        .getByRole('button', { name: `Mark ${open.who} done` })
        .first()
        .click();
      await followUps.getByRole('heading', { name: `Done (${done + 1})` }).waitFor();
    }
    expect(session.extensionErrors).toEqual([]);
  });
});
