/**
 * Worker builds compared in one run, so the machine's mood weighs on all alike (a lever's before
 * and after): `npx tsx scripts/bench/worker-ab.ts <dir> <dir>… [--cold N] [--calls M]`, each dir
 * an unpacked Chromium build (a copy of dist/demo/chrome), run in the order given: name them
 * `before after after before`. Each run is a fresh browser and profile measuring what
 * `npm run bench -- --only cold-start,webrtc` does, with the same functions and settings.
 */
import os from 'node:os';
import path from 'node:path';
import { BENCH_SETTINGS } from '../bench';
import { launchExtension } from '../driver/extension-session';
import { webrtcDetectionLatency } from './detection-latency';
import { coldStart } from './worker';

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
};
const builds = process.argv
  .slice(2)
  .filter((arg, index, all) => !arg.startsWith('--') && !all[index - 1]?.startsWith('--'))
  .map((dir) => path.resolve(dir));
if (builds.length < 2) throw new Error('usage: worker-ab.ts <dir> <dir>… [--cold N] [--calls M]');
const colds = option('cold', 30);
const calls = option('calls', 50);

const figure = (figures: { name: string; value: number }[], name: string) =>
  figures.find((f) => f.name === name)?.value ?? Number.NaN;
const cell = (figures: { name: string; value: number }[], name: string) =>
  `${figure(figures, `${name} p50`).toFixed(1)} / ${figure(figures, `${name} p95`).toFixed(1)}`;

const rows: string[] = [];
for (const build of builds) {
  const session = await launchExtension({ extensionDir: build });
  try {
    await session.setSettings(BENCH_SETTINGS);
    const figures = [
      ...(calls > 0 ? await webrtcDetectionLatency(session, calls) : []),
      ...(await coldStart(session, colds)),
    ];
    const load = os.loadavg()[0]?.toFixed(1);
    rows.push(
      `| ${path.basename(build)} | ${cell(figures, 'WebRTC call close() → toast')} | ${cell(figures, 'cold start: first signal → toast')} | ${cell(figures, 'warm: signal → toast')} | ${load} |`,
    );
    console.log(rows[rows.length - 1]);
  } finally {
    await session.close();
  }
}
console.log(`\n${colds} cold starts and ${calls} WebRTC calls a run; p50 / p95, ms`);
console.log('| build | WebRTC close() → toast | cold start: signal → toast | warm: signal → toast | load average |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
