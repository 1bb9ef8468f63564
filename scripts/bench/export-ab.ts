/**
 * Export builds compared in one run, on one seeded history, so the machine's mood weighs on all
 * alike (a lever's before and after): `npx tsx scripts/bench/export-ab.ts <dir> <dir>…
 * [--calls N] [--rounds R] [--exports K]`, each dir an unpacked Chromium build (a copy of
 * dist/demo/chrome). The history (N calls, N/2 resets) is imported once; then, round after round
 * and in rotating order, each build is copied into the same folder (so the extension keeps its id
 * and its database), the browser started on it, and Options → Your data exports the calls CSV
 * K times and the JSON once. A CSV export is timed as `npm run bench` times it: the click to the
 * file saved. Beside it, the CPU Chromium spent on it (all its processes, from /proc, so Linux
 * only): on a shared machine the wall time follows the load, the CPU far less.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension } from '../driver/extension-session';
import { importHistoryThroughOptions } from '../driver/import-history';
import { generateHistory } from '../seed-history';
import { abBuilds, abOption } from './ab-args';
import { median } from './figures';

const builds = abBuilds('export-ab.ts <dir> <dir>… [--calls N] [--rounds R] [--exports K]');
const calls = abOption('calls', 100_000);
const rounds = abOption('rounds', 4);
const exports = abOption('exports', 3);
const SLOW_MS = 600_000;

const work = await mkdtemp(path.join(os.tmpdir(), 'rebound-export-ab-'));
const profileDir = path.join(work, 'profile');
const extensionDir = path.join(work, 'extension');

/** CPU time of every process started with this run's profile, in ms (user + system). */
function chromiumCpuMs(): number {
  const tick = 10;
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(work)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

async function timedExport(page: Page, button: string): Promise<{ ms: number; cpuMs: number }> {
  const cpuBefore = chromiumCpuMs();
  const started = performance.now();
  const downloading = page.waitForEvent('download', { timeout: SLOW_MS });
  await page.getByRole('button', { name: button }).click();
  await (await downloading).path();
  return { ms: performance.now() - started, cpuMs: chromiumCpuMs() - cpuBefore };
}

async function launchOn(build: string) {
  await rm(extensionDir, { recursive: true, force: true });
  await cp(build, extensionDir, { recursive: true });
  return launchExtension({ profileDir, extensionDir });
}

async function yourData(session: Awaited<ReturnType<typeof launchOn>>) {
  const page = await session.context.newPage();
  // Handing a 40 MB file to a loaded machine's browser can take longer than Playwright's 30 s.
  page.setDefaultTimeout(SLOW_MS);
  await page.goto(session.extensionUrl('options/index.html#your-data'));
  await page.getByLabel('Choose a JSON export').waitFor();
  return page;
}

try {
  const seeding = await launchOn(builds[0] as string);
  await importHistoryThroughOptions(
    await yourData(seeding),
    generateHistory({ calls, resets: calls / 2, endAt: Date.now() }),
    'seed.json',
    SLOW_MS,
  );
  await seeding.close();

  const csv = builds.map(() => ({ ms: [] as number[], cpuMs: [] as number[] }));
  const json = builds.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < builds.length; turn++) {
      const which = (round + turn) % builds.length;
      const session = await launchOn(builds[which] as string);
      const page = await yourData(session);
      for (let run = 0; run < exports; run++) {
        const { ms, cpuMs } = await timedExport(page, 'Calls (CSV)');
        csv[which]?.ms.push(ms);
        csv[which]?.cpuMs.push(cpuMs);
      }
      json[which]?.push((await timedExport(page, 'Export everything (JSON)')).ms);
      await session.close();
    }
  }

  const cell = (values: number[]) => `${Math.round(median(values))} (${values.map(Math.round).join(', ')})`;
  console.log(`${calls} calls, ${calls / 2} resets · ${rounds} rounds × ${exports} CSV exports + 1 JSON per build`);
  console.log(`| median (every run), ms | ${builds.map((build) => path.basename(build)).join(' | ')} |`);
  console.log(`| --- |${builds.map(() => ' --- |').join('')}`);
  console.log(`| calls CSV: click → file saved | ${csv.map((runs) => cell(runs.ms)).join(' | ')} |`);
  console.log(`| calls CSV: Chromium CPU | ${csv.map((runs) => cell(runs.cpuMs)).join(' | ')} |`);
  console.log(`| JSON: click → file saved | ${json.map(cell).join(' | ')} |`);
} finally {
  await rm(work, { recursive: true, force: true });
}
