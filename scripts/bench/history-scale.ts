/**
 * Figure 5: the popup, Options history, insights, export and import over a large seeded history.
 * The history goes in through the real import (Options → Your data: choose → preview → import),
 * and that import is itself the "import JSON" figure, so seeding costs no extra step and exercises
 * what a rep who brings years of history would do.
 */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../driver/extension-session';
import { importHistoryThroughOptions } from '../driver/import-history';
import { generateHistory } from '../seed-history';
import { type Figure, median, type Target } from './figures';
import { openPopup, popupOpenFigures } from './popup-open';
import { tapToShown, watchReady } from './seen-by-page';

const SLOW_MS = 300_000;
/** Opens after the first: the popup a rep opens all day, its code already cached. */
const REPEAT_OPENS = 10;
/** Options → History is ready when the first row's button is drawn. */
export const HISTORY_FIRST_ROW = '.windowed-list li[aria-posinset="1"] button';

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * Runs `run` while reading the page's JS heap every 10 ms over CDP (a read is a task on the page's
 * main thread, so not back to back); returns how far the heap rose above where it stood before
 * (garbage not yet collected counts: it is memory held).
 */
async function heapRise(page: Page, run: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const used = async () => ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  const before = await used();
  let peak = before;
  let running = true;
  const sampling = (async () => {
    while (running) {
      peak = Math.max(peak, await used());
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  await run().finally(() => {
    running = false;
  });
  await sampling;
  await cdp.detach();
  return peak - before;
}

/** The rep's "mark the last call tough" shortcut, timed inside the worker. */
function markLastCallTough(session: ExtensionSession): Promise<number> {
  return session.inWorker(async () => {
    const run = (globalThis as unknown as { __reboundTestOnlyCommand(name: string): Promise<void> })
      .__reboundTestOnlyCommand;
    const started = performance.now();
    await run('mark-last-tough');
    return performance.now() - started;
  }, undefined);
}

export async function historyScale(session: ExtensionSession, calls: number, resets: number): Promise<Figure[]> {
  const history = generateHistory({ calls, resets, endAt: Date.now() });
  const group = 'history';
  const figure = (name: string, value: number, target?: Target): Figure => ({
    group,
    name,
    value: Math.round(value),
    unit: 'ms',
    target,
  });

  const data = await session.context.newPage();
  await data.goto(session.extensionUrl('options/index.html#your-data'));
  await data.getByLabel('Choose a JSON export').waitFor();
  const imported = await importHistoryThroughOptions(data, history, 'seed.json', SLOW_MS);

  const popupUrl = session.extensionUrl('popup/index.html');
  const firstOpen = await openPopup(session.context, popupUrl);
  const repeatOpens = [];
  for (let open = 0; open < REPEAT_OPENS; open++) repeatOpens.push(await openPopup(session.context, popupUrl));

  const list = await session.context.newPage();
  // Seen by the page itself, as the popup is (popup-open.ts): no harness script in the figure.
  const firstRows = (await watchReady(list, [HISTORY_FIRST_ROW])).ready;
  await list.goto(session.extensionUrl('options/index.html#history'), { waitUntil: 'commit' });
  const historyMs = await firstRows;
  // Then every id, for the count and scrolling: the count shows once the whole list is in.
  const everyIdMs = await timed(() =>
    list.getByText(`Matching calls: ${calls.toLocaleString('en-US')}`).waitFor({ timeout: SLOW_MS }),
  );
  await list.close();

  const insights = await session.context.newPage();
  await insights.goto(session.extensionUrl('options/index.html#insights'));
  const callsShown = insights.locator('dl.figures dd').first();
  await callsShown.waitFor({ timeout: SLOW_MS });
  const before = await callsShown.textContent();
  // The figures stay on screen while a new period loads: a period is shown when its count is.
  const count = `document.querySelector('dl.figures dd')?.textContent`;
  const days30Ms = await tapToShown(
    insights,
    insights.getByRole('button', { name: '30 days' }),
    `${count} !== ${JSON.stringify(before)}`,
  );
  const allMs = await tapToShown(
    insights,
    insights.getByRole('button', { name: 'All' }),
    `${count} === ${JSON.stringify(calls.toLocaleString('en-US'))}`,
  );
  await insights.close();

  let csvMs = 0;
  const csvHeapBytes = await heapRise(data, async () => {
    csvMs = await timed(async () => {
      const downloading = data.waitForEvent('download', { timeout: SLOW_MS });
      await data.getByRole('button', { name: 'Calls (CSV)' }).click();
      await (await downloading).path();
    });
  });

  // The same file again: every call is here already, so it adds none (each callKey checked).
  const again = await importHistoryThroughOptions(data, history, 'seed-again.json', SLOW_MS, 0);
  await data.close();

  // The last call is an imported one, packed; once rated it is a row, and the second rating is a row's.
  const ratePackedMs = await markLastCallTough(session);
  const rateRowMs = await markLastCallTough(session);

  return [
    { group, name: 'seeded calls', value: history.calls.length, unit: 'calls' },
    { group, name: 'seeded resets', value: history.resets.length, unit: 'resets' },
    figure('popup open → interactive', firstOpen.interactive, { atMost: 100 }),
    figure(
      `popup open → interactive, median of ${REPEAT_OPENS} more opens`,
      median(repeatOpens.map((open) => open.interactive)),
    ),
    ...popupOpenFigures(group, 'first open', [firstOpen]),
    ...popupOpenFigures(group, `next ${REPEAT_OPENS} opens (median)`, repeatOpens),
    figure('options history first rows', historyMs, { atMost: 200 }),
    figure('options history, first rows → every id (the count shown)', everyIdMs),
    figure('insights, 30 days', days30Ms),
    figure('insights, all', allMs, { atMost: 150 }),
    figure('export calls CSV', csvMs, { atMost: 1000 }),
    { group, name: 'export calls CSV: JS heap rise', value: Math.round(csvHeapBytes / 1024), unit: 'KB' },
    figure('import JSON: file chosen → preview', imported.previewMs),
    figure('import JSON: Import → done', imported.applyMs, { atMost: 5000 }),
    figure('import JSON again, the same file: file chosen → preview', again.previewMs),
    figure('import JSON again, the same file: Import → done', again.applyMs),
    figure('mark last call tough, an imported (packed) call', ratePackedMs),
    figure('mark last call tough again, now a row', rateRowMs),
  ];
}
