/**
 * `npm run bench`: builds, runs the built extension in Chromium, prints a table of figures and
 * writes bench/report.json. `--quick` runs every figure on tiny sizes (npm test does, so the
 * benchmark cannot rot); its numbers mean nothing. `--only talk` runs the bundle sizes and the
 * conversation-signal figures alone (the WebRTC-call page overhead, the open-line end → toast).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSizes } from './bench/bundle-sizes';
import { domDetectionLatency, protocolDetectionLatency, webrtcDetectionLatency } from './bench/detection-latency';
import { type Figure, formatTable } from './bench/figures';
import { historyScale } from './bench/history-scale';
import { pageOverhead } from './bench/page-overhead';
import { tabCloseLatency } from './bench/tab-close';
import { openLineEndLatency, webrtcCallOverhead } from './bench/talk';
import { coldStart, heapAfterCalls } from './bench/worker';
import { buildExtension, distDir, repoRoot } from './build';
import { launchExtension } from './driver/extension-session';

export interface BenchOptions {
  quick: boolean;
  /** One group of figures instead of all of them (besides the bundle sizes). */
  only?: 'talk';
}

const SIZES = {
  full: {
    overheadRounds: 10,
    overheadWindowMs: 3000,
    calls: 50,
    tabCloses: 20,
    coldStarts: 10,
    heapCalls: 1000,
    historyCalls: 100_000,
    historyResets: 50_000,
    openLineConversations: 15,
  },
  quick: {
    overheadRounds: 1,
    overheadWindowMs: 300,
    calls: 2,
    tabCloses: 1,
    coldStarts: 1,
    heapCalls: 4,
    historyCalls: 400,
    historyResets: 200,
    openLineConversations: 1,
  },
};

/** Settings that let every bench call be nudged, so each one shows in the latency figures. */
const BENCH_SETTINGS = {
  minCallSeconds: 0,
  skipOutcomes: [],
  cooldownMinutes: 0,
  // A run of tough calls would change the nudge; working hours would silence it at night.
  toughStreak: 0,
  workingHours: { enabled: false, startMinute: 0, endMinute: 0, days: [] },
  delivery: 'toast',
};

export async function runBench({ quick, only }: BenchOptions): Promise<{ figures: Figure[]; browser: string }> {
  const size = quick ? SIZES.quick : SIZES.full;
  await buildExtension('store');
  await buildExtension('demo');
  const figures: Figure[] = await bundleSizes(distDir('chrome', 'store'));
  const fresh = async () => {
    const session = await launchExtension();
    await session.setSettings(BENCH_SETTINGS);
    return session;
  };
  let session = await fresh();
  const browser =
    session.context.browser()?.version() ?? (await (await session.extensionPage()).evaluate(() => navigator.userAgent));
  try {
    if (only !== 'talk') await everyOtherFigure();
    figures.push(...(await webrtcCallOverhead(session, size.overheadRounds, size.overheadWindowMs)));
    figures.push(...(await openLineEndLatency(session, size.openLineConversations, BENCH_SETTINGS)));
  } finally {
    await session.close();
  }
  return { figures, browser };

  async function everyOtherFigure(): Promise<void> {
    figures.push(...(await pageOverhead(session, size.overheadRounds, size.overheadWindowMs)));
    figures.push(...(await protocolDetectionLatency(session, size.calls)));
    figures.push(...(await domDetectionLatency(session, size.calls)));
    figures.push(...(await webrtcDetectionLatency(session, size.calls)));
    figures.push(...(await tabCloseLatency(session, size.tabCloses)));
    figures.push(...(await coldStart(session, size.coldStarts)));
    await session.close();
    session = await fresh();
    figures.push(...(await heapAfterCalls(session, size.heapCalls)));
    await session.close();
    // Its own profile: the seeded history must not weigh on the figures above.
    session = await fresh();
    figures.push(...(await historyScale(session, size.historyCalls, size.historyResets)));
    await session.close();
    session = await fresh();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const only = process.argv.includes('--only')
    ? (process.argv[process.argv.indexOf('--only') + 1] as 'talk')
    : undefined;
  if (only !== undefined && only !== 'talk') throw new Error(`--only: unknown figures "${only}" (known: talk)`);
  const started = performance.now();
  const { figures, browser } = await runBench({ quick, only });
  const report = {
    date: new Date().toISOString(),
    quick,
    machine: {
      platform: `${os.platform()} ${os.release()}`,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    browser,
    durationS: Math.round((performance.now() - started) / 1000),
    figures,
  };
  await mkdir(path.join(repoRoot, 'bench'), { recursive: true });
  await writeFile(path.join(repoRoot, 'bench', 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatTable(figures));
  console.log(`\n${browser} · ${report.machine.cpus} CPUs · ${report.durationS} s · bench/report.json`);
}
