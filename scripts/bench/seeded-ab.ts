/**
 * What popup-ab and history-ab share: builds compared in one run on one seeded history, so the
 * machine's mood weighs on all alike (a lever's before and after). The history (`calls` calls,
 * half as many resets) is imported once through Options; then, round after round and in rotating
 * order, each build is copied into the same folder (so the extension keeps its id and its
 * database), the browser started on it and one page measured `opens` times. Prints each part's
 * median per build, in ms from navigation start.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ExtensionSession, launchExtension } from '../driver/extension-session';
import { importHistoryThroughOptions } from '../driver/import-history';
import { generateHistory } from '../seed-history';
import { median } from './figures';

const SLOW_MS = 600_000;

export interface SeededComparison<T> {
  /** Unpacked Chromium builds (copies of dist/demo/chrome). */
  builds: string[];
  calls: number;
  rounds: number;
  opens: number;
  /** One open of the page being compared, in a browser on one build. */
  measure(session: ExtensionSession): Promise<T>;
  /** The rows printed: a part's name and its reading of one open (none when it had none). */
  parts: [string, (open: T) => number | undefined][];
}

export async function compareOnSeededHistory<T>({
  builds,
  calls,
  rounds,
  opens,
  measure,
  parts,
}: SeededComparison<T>): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'rebound-seeded-ab-'));
  const profileDir = path.join(work, 'profile');
  const extensionDir = path.join(work, 'extension');
  const launchOn = async (build: string) => {
    await rm(extensionDir, { recursive: true, force: true });
    await cp(build, extensionDir, { recursive: true });
    return launchExtension({ profileDir, extensionDir });
  };
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

    const samples: T[][] = builds.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (let turn = 0; turn < builds.length; turn++) {
        const which = (round + turn) % builds.length;
        const session = await launchOn(builds[which] as string);
        for (let open = 0; open < opens; open++) samples[which]?.push(await measure(session));
        await session.close();
      }
    }

    const cell = (list: T[], pick: (open: T) => number | undefined) => {
      const values = list.map(pick).filter((value): value is number => value !== undefined);
      return values.length ? String(Math.round(median(values))) : '–';
    };
    console.log(`${calls} calls · ${rounds} rounds × ${opens} opens per build · medians from navigation start, ms`);
    console.log(`| navigation → | ${builds.map((build) => path.basename(build)).join(' | ')} |`);
    console.log(`| --- |${builds.map(() => ' --- |').join('')}`);
    for (const [name, pick] of parts)
      console.log(`| ${name} | ${samples.map((list) => cell(list, pick)).join(' | ')} |`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
