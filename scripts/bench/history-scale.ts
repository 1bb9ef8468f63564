/**
 * Figure 5: the popup, Options history, insights, export and import over a large seeded history.
 * The history goes in through the real import (Options → Your data: choose → preview → import),
 * and that import is itself the "import JSON" figure, so seeding costs no extra step and exercises
 * what a rep who brings years of history would do.
 */
import type { ExtensionSession } from '../driver/extension-session';
import { importHistoryThroughOptions } from '../driver/import-history';
import { generateHistory } from '../seed-history';
import { type Figure, median } from './figures';
import { openPopup, popupOpenFigures, readyAt } from './popup-open';

const SLOW_MS = 300_000;
/** Opens after the first: the popup a rep opens all day, its code already cached. */
const REPEAT_OPENS = 10;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function historyScale(session: ExtensionSession, calls: number, resets: number): Promise<Figure[]> {
  const history = generateHistory({ calls, resets, endAt: Date.now() });
  const group = 'history';
  const figure = (name: string, value: number): Figure => ({ group, name, value: Math.round(value), unit: 'ms' });

  const data = await session.context.newPage();
  await data.goto(session.extensionUrl('options/index.html#your-data'));
  await data.getByLabel('Choose a JSON export').waitFor();
  const imported = await importHistoryThroughOptions(data, history, 'seed.json', SLOW_MS);

  const popupUrl = session.extensionUrl('popup/index.html');
  const firstOpen = await openPopup(session.context, popupUrl);
  const repeatOpens = [];
  for (let open = 0; open < REPEAT_OPENS; open++) repeatOpens.push(await openPopup(session.context, popupUrl));

  const list = await session.context.newPage();
  // Polled from the commit, as the popup is (popup-open.ts): no load-event round trip in the figure.
  await list.goto(session.extensionUrl('options/index.html#history'), { waitUntil: 'commit' });
  const historyMs = await readyAt(list, ['.windowed-list li[aria-posinset="1"] button']);
  await list.close();

  const insights = await session.context.newPage();
  await insights.goto(session.extensionUrl('options/index.html#insights'));
  const callsShown = insights.locator('dl.figures dd').first();
  await callsShown.waitFor({ timeout: SLOW_MS });
  const before = await callsShown.textContent();
  // The figures stay on screen while a new period loads: a period is shown when its count is.
  const days30Ms = await timed(async () => {
    await insights.getByRole('button', { name: '30 days' }).click();
    await insights.waitForFunction((old) => document.querySelector('dl.figures dd')?.textContent !== old, before, {
      timeout: SLOW_MS,
    });
  });
  const allMs = await timed(async () => {
    await insights.getByRole('button', { name: 'All' }).click();
    await insights
      .locator('dl.figures dd')
      .first()
      .filter({ hasText: new RegExp(`^${calls.toLocaleString('en-US')}$`) })
      .waitFor({ timeout: SLOW_MS });
  });
  await insights.close();

  const csvMs = await timed(async () => {
    const downloading = data.waitForEvent('download', { timeout: SLOW_MS });
    await data.getByRole('button', { name: 'Calls (CSV)' }).click();
    await (await downloading).path();
  });
  await data.close();

  return [
    { group, name: 'seeded calls', value: history.calls.length, unit: 'calls' },
    { group, name: 'seeded resets', value: history.resets.length, unit: 'resets' },
    figure('popup open → interactive', firstOpen.interactive),
    figure(
      `popup open → interactive, median of ${REPEAT_OPENS} more opens`,
      median(repeatOpens.map((open) => open.interactive)),
    ),
    figure('popup open → interactive, seen in the page', firstOpen.interactiveInPage),
    figure(
      `popup open → interactive, seen in the page, median of ${REPEAT_OPENS} more opens`,
      median(repeatOpens.map((open) => open.interactiveInPage)),
    ),
    ...popupOpenFigures(group, 'first open', [firstOpen]),
    ...popupOpenFigures(group, `next ${REPEAT_OPENS} opens (median)`, repeatOpens),
    figure('options history first rows', historyMs),
    figure('insights, 30 days', days30Ms),
    figure('insights, all', allMs),
    figure('export calls CSV', csvMs),
    figure('import JSON: file chosen → preview', imported.previewMs),
    figure('import JSON: Import → done', imported.applyMs),
  ];
}
