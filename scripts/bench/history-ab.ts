/**
 * Options → History builds compared in one run, on one seeded history (seeded-ab.ts): `npx tsx
 * scripts/bench/history-ab.ts <dir> <dir>… [--calls N] [--rounds R] [--opens K]`, each dir an
 * unpacked Chromium build (a copy of dist/demo/chrome). First rows are timed as `npm run bench`
 * times them (history-scale.ts): from navigation start, polled from the navigation's commit,
 * until the first row's button is drawn.
 */
import { abBuilds, abOption } from './ab-args';
import { HISTORY_FIRST_ROW } from './history-scale';
import { compareOnSeededHistory } from './seeded-ab';
import { watchReady } from './seen-by-page';

interface HistoryOpen {
  /** The HTML parsed (its scripts not run yet). */
  parsed: number;
  /** Every module script evaluated (DOMContentLoaded). */
  scriptsRun: number;
  firstPaint?: number;
  firstRows: number;
}

await compareOnSeededHistory<HistoryOpen>({
  builds: abBuilds('history-ab.ts <dir> <dir>… [--calls N] [--rounds R] [--opens K]'),
  calls: abOption('calls', 100_000),
  rounds: abOption('rounds', 4),
  opens: abOption('opens', 5),
  async measure(session) {
    const list = await session.context.newPage();
    const { ready } = await watchReady(list, [HISTORY_FIRST_ROW]);
    await list.goto(session.extensionUrl('options/index.html#history'), { waitUntil: 'commit' });
    const firstRows = await ready;
    const timing = await list.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return {
        parsed: navigation?.domInteractive ?? 0,
        scriptsRun: navigation?.domContentLoadedEventStart ?? 0,
        firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime,
      };
    });
    await list.close();
    return { ...timing, firstRows };
  },
  parts: [
    ['HTML parsed', (open) => open.parsed],
    ['scripts run (DOMContentLoaded)', (open) => open.scriptsRun],
    ['first paint', (open) => open.firstPaint],
    ['first rows', (open) => open.firstRows],
  ],
});
