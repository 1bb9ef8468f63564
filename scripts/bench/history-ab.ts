/**
 * Options → History builds compared in one run, on one seeded history, so the machine's mood
 * weighs on all alike (a lever's before and after): `npx tsx scripts/bench/history-ab.ts <dir>
 * <dir>… [--calls N] [--rounds R] [--opens K]`, each dir an unpacked Chromium build (a copy of
 * dist/demo/chrome). The history (N calls, N/2 resets) is imported once; then, round after round
 * and in rotating order, each build is copied into the same folder (so the extension keeps its id
 * and its database), the browser started on it, and Options → History opened K times. First rows
 * are timed as `npm run bench` times them (history-scale.ts): from navigation start, polled from
 * the navigation's commit, until the first row's button is drawn.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchExtension } from '../driver/extension-session';
import { importHistoryThroughOptions } from '../driver/import-history';
import { generateHistory } from '../seed-history';
import { abBuilds, abOption } from './ab-args';
import { median } from './figures';
import { readyAt } from './popup-open';

const builds = abBuilds('history-ab.ts <dir> <dir>… [--calls N] [--rounds R] [--opens K]');
const calls = abOption('calls', 100_000);
const rounds = abOption('rounds', 4);
const opens = abOption('opens', 5);
const SLOW_MS = 600_000;
const FIRST_ROW = '.windowed-list li[aria-posinset="1"] button';

const work = await mkdtemp(path.join(os.tmpdir(), 'rebound-history-ab-'));
const profileDir = path.join(work, 'profile');
const extensionDir = path.join(work, 'extension');

async function launchOn(build: string) {
  await rm(extensionDir, { recursive: true, force: true });
  await cp(build, extensionDir, { recursive: true });
  return launchExtension({ profileDir, extensionDir });
}

interface HistoryOpen {
  /** The HTML parsed (its scripts not run yet). */
  parsed: number;
  /** Every module script evaluated (DOMContentLoaded). */
  scriptsRun: number;
  firstPaint?: number;
  firstRows: number;
}

try {
  const seeding = await launchOn(builds[0] as string);
  const page = await seeding.context.newPage();
  await page.goto(seeding.extensionUrl('options/index.html#your-data'));
  await page.getByLabel('Choose a JSON export').waitFor();
  await importHistoryThroughOptions(
    page,
    generateHistory({ calls, resets: calls / 2, endAt: Date.now() }),
    'seed.json',
    SLOW_MS,
  );
  await seeding.close();

  const samples: HistoryOpen[][] = builds.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < builds.length; turn++) {
      const which = (round + turn) % builds.length;
      const session = await launchOn(builds[which] as string);
      const url = session.extensionUrl('options/index.html#history');
      for (let open = 0; open < opens; open++) {
        const list = await session.context.newPage();
        await list.goto(url, { waitUntil: 'commit' });
        const firstRows = await readyAt(list, [FIRST_ROW]);
        const timing = await list.evaluate(() => {
          const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
          return {
            parsed: navigation?.domInteractive ?? 0,
            scriptsRun: navigation?.domContentLoadedEventStart ?? 0,
            firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime,
          };
        });
        samples[which]?.push({ ...timing, firstRows });
        await list.close();
      }
      await session.close();
    }
  }

  const parts: [string, (open: HistoryOpen) => number | undefined][] = [
    ['HTML parsed', (open) => open.parsed],
    ['scripts run (DOMContentLoaded)', (open) => open.scriptsRun],
    ['first paint', (open) => open.firstPaint],
    ['first rows', (open) => open.firstRows],
  ];
  const cell = (list: HistoryOpen[], pick: (open: HistoryOpen) => number | undefined) => {
    const values = list.map(pick).filter((value): value is number => value !== undefined);
    return values.length ? String(Math.round(median(values))) : '–';
  };
  console.log(`${calls} calls · ${rounds} rounds × ${opens} opens per build · medians from navigation start, ms`);
  console.log(`| navigation → | ${builds.map((build) => path.basename(build)).join(' | ')} |`);
  console.log(`| --- |${builds.map(() => ' --- |').join('')}`);
  for (const [name, pick] of parts) console.log(`| ${name} | ${samples.map((list) => cell(list, pick)).join(' | ')} |`);
} finally {
  await rm(work, { recursive: true, force: true });
}
