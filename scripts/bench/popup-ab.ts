/**
 * Popup builds compared in one run, on one seeded history, so the machine's mood weighs on all
 * alike (a lever's before and after): `npx tsx scripts/bench/popup-ab.ts <dir> <dir>… [--calls N]
 * [--rounds R] [--opens K]`, each dir an unpacked Chromium build (a copy of dist/demo/chrome).
 * The history is imported once; then, round after round and in rotating order, each build is
 * copied into the same folder (so the extension keeps its id and its database), the browser is
 * started on it and the popup opened K times. The popup is the only page open, as for a rep.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchExtension } from '../driver/extension-session';
import { importHistoryThroughOptions } from '../driver/import-history';
import { generateHistory } from '../seed-history';
import { abBuilds, abOption } from './ab-args';
import { median } from './figures';
import { openPopup, type PopupOpen } from './popup-open';

const builds = abBuilds('popup-ab.ts <dir> <dir>… [--calls N] [--rounds R] [--opens K]');
const calls = abOption('calls', 100_000);
const rounds = abOption('rounds', 4);
const opens = abOption('opens', 5);

const work = await mkdtemp(path.join(os.tmpdir(), 'rebound-popup-ab-'));
const profileDir = path.join(work, 'profile');
const extensionDir = path.join(work, 'extension');

async function launchOn(build: string) {
  await rm(extensionDir, { recursive: true, force: true });
  await cp(build, extensionDir, { recursive: true });
  return launchExtension({ profileDir, extensionDir });
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
    600_000,
  );
  await seeding.close();

  const samples: PopupOpen[][] = builds.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < builds.length; turn++) {
      const which = (round + turn) % builds.length;
      const session = await launchOn(builds[which] as string);
      const url = session.extensionUrl('popup/index.html');
      for (let open = 0; open < opens; open++) samples[which]?.push(await openPopup(session.context, url));
      await session.close();
    }
  }

  const parts: [string, (open: PopupOpen) => number | undefined][] = [
    ['last byte', (open) => open.lastByte],
    ['HTML parsed', (open) => open.parsed],
    ['scripts run (DOMContentLoaded)', (open) => open.scriptsRun],
    ['first paint', (open) => open.firstPaint],
    ['home reads in', (open) => open.readsIn],
    ['interactive, seen in the page', (open) => open.interactiveInPage],
    ['interactive, seen by the harness', (open) => open.interactive],
  ];
  const cell = (list: PopupOpen[], pick: (open: PopupOpen) => number | undefined) => {
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
