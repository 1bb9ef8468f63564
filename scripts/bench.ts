/**
 * `npm run bench`: builds, runs the built extension in Chromium, prints a table of figures and
 * writes bench/report.json, then which targets the figures meet (issue 15's and the budgets), also
 * in the report. `--quick` runs every figure on tiny sizes (npm test does, so the
 * benchmark cannot rot); its numbers mean nothing. `--only history,cold-start` runs just those
 * parts (before/after comparisons of one lever on a shared machine; `page-overhead` is the busy
 * CRM and the floor under it, `call-overhead` the same page on a WebRTC call, `talk` the
 * open-line end → toast, `rating` the toast's rating click → the worker's reply).
 * `--busy` runs it all with four busy Chromium tabs in the background and writes
 * bench/report-busy.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUSY_TABS, startBackgroundLoad } from './bench/background-load';
import { bundleSizes } from './bench/bundle-sizes';
import { domDetectionLatency, protocolDetectionLatency, webrtcDetectionLatency } from './bench/detection-latency';
import { type Figure, formatTable, formatVerdicts, verdicts } from './bench/figures';
import { historyScale } from './bench/history-scale';
import { BUSY_CRM, BUSY_CRM_UNREAD_CHATTER, listenerFloor, pageOverhead } from './bench/page-overhead';
import { ratingReplyLatency } from './bench/rating-reply';
import { tabCloseLatency } from './bench/tab-close';
import { openLineEndLatency, webrtcCallOverhead } from './bench/talk';
import { coldStart, heapAfterCalls } from './bench/worker';
import { buildExtension, distDir, repoRoot } from './build';
import { launchExtension } from './driver/extension-session';

export const BENCH_PARTS = [
  'bundle',
  'page-overhead',
  'protocol',
  'dom',
  'webrtc',
  'tab-close',
  'cold-start',
  'rating',
  'heap',
  'history',
  'call-overhead',
  'talk',
] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export interface BenchOptions {
  quick: boolean;
  /** The parts to run; all of them when absent. */
  only?: readonly BenchPart[];
  /** Four busy Chromium tabs in the background for the whole run. */
  busy?: boolean;
  /** Default true. False reads the store and demo builds already in dist/ (the e2e global setup made them). */
  build?: boolean;
}

const SIZES = {
  full: {
    overhead: { blocks: 10, rounds: 10, windowMs: 1000 },
    calls: 50,
    tabCloses: 20,
    coldStarts: { wakes: 30, idleWakes: 5, idleMs: 45_000 },
    ratings: 30,
    heapCalls: 1000,
    historyCalls: 100_000,
    historyResets: 50_000,
    openLineConversations: 30,
  },
  quick: {
    overhead: { blocks: 1, rounds: 2, windowMs: 300 },
    calls: 2,
    tabCloses: 1,
    coldStarts: { wakes: 1, idleWakes: 1, idleMs: 100 },
    ratings: 1,
    heapCalls: 4,
    historyCalls: 400,
    historyResets: 200,
    openLineConversations: 1,
  },
};

/** Settings that let every bench call be nudged, so each one shows in the latency figures. */
export const BENCH_SETTINGS = {
  minCallSeconds: 0,
  skipOutcomes: [],
  cooldownMinutes: 0,
  // A run of tough calls would change the nudge; working hours would silence it at night.
  toughStreak: 0,
  workingHours: { enabled: false, startMinute: 0, endMinute: 0, days: [] },
  delivery: 'toast',
};

export async function runBench({
  quick,
  only,
  busy,
  build = true,
}: BenchOptions): Promise<{ figures: Figure[]; browser: string }> {
  const size = quick ? SIZES.quick : SIZES.full;
  const runs = (part: BenchPart) => !only || only.includes(part);
  if (build) {
    await buildExtension('store');
    await buildExtension('demo');
  }
  const figures: Figure[] = runs('bundle') ? await bundleSizes(distDir('chrome', 'store')) : [];
  const fresh = async () => {
    const session = await launchExtension();
    await session.setSettings(BENCH_SETTINGS);
    return session;
  };
  let session = await fresh();
  const stopLoad = busy ? await startBackgroundLoad(`${session.server.url}busy-crm/index.html`) : undefined;
  const browser =
    session.context.browser()?.version() ?? (await (await session.extensionPage()).evaluate(() => navigator.userAgent));
  try {
    if (busy)
      figures.push({ group: 'machine', name: 'busy Chromium tabs in the background', value: BUSY_TABS, unit: 'tabs' });
    if (runs('page-overhead')) {
      figures.push(...(await pageOverhead(session, size.overhead, BUSY_CRM)));
      figures.push(...(await pageOverhead(session, size.overhead, BUSY_CRM_UNREAD_CHATTER)));
      figures.push(...(await listenerFloor(session, size.overhead)));
    }
    if (runs('protocol')) figures.push(...(await protocolDetectionLatency(session, size.calls)));
    if (runs('dom')) figures.push(...(await domDetectionLatency(session, size.calls)));
    if (runs('webrtc')) figures.push(...(await webrtcDetectionLatency(session, size.calls)));
    if (runs('tab-close')) figures.push(...(await tabCloseLatency(session, size.tabCloses)));
    if (runs('cold-start')) {
      await session.close();
      // A browser of its own: the worker's first wakes in it are shown apart (./bench/worker.ts).
      session = await fresh();
      figures.push(...(await coldStart(session, size.coldStarts)));
    }
    if (runs('rating')) {
      figures.push(...(await ratingReplyLatency(session, size.ratings, 'Fine')));
      figures.push(...(await ratingReplyLatency(session, size.ratings, 'Tough')));
    }
    if (runs('heap')) {
      await session.close();
      session = await fresh();
      figures.push(...(await heapAfterCalls(session, size.heapCalls)));
    }
    if (runs('history')) {
      await session.close();
      // Its own profile: the seeded history must not weigh on the figures above.
      session = await fresh();
      figures.push(...(await historyScale(session, size.historyCalls, size.historyResets)));
    }
    if (runs('call-overhead')) {
      await session.close();
      session = await fresh();
      figures.push(...(await webrtcCallOverhead(session, size.overhead)));
    }
    if (runs('talk')) {
      await session.close();
      session = await fresh();
      figures.push(...(await openLineEndLatency(session, size.openLineConversations, BENCH_SETTINGS)));
    }
  } finally {
    await session.close();
    await stopLoad?.();
  }
  return { figures, browser };
}

/** `--only a,b` (or `--only a --only b`): the named parts, each checked against BENCH_PARTS. */
export function parseOnly(argv: readonly string[]): BenchPart[] | undefined {
  const named = argv.flatMap((arg, index) => (arg === '--only' ? (argv[index + 1] ?? '').split(',') : []));
  if (named.length === 0) return undefined;
  for (const part of named) {
    if (!(BENCH_PARTS as readonly string[]).includes(part))
      throw new Error(`--only ${part}: not a bench part. Parts: ${BENCH_PARTS.join(', ')}`);
  }
  return named as BenchPart[];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const busy = process.argv.includes('--busy');
  const only = parseOnly(process.argv);
  const started = performance.now();
  const { figures, browser } = await runBench({ quick, only, busy });
  const report = {
    date: new Date().toISOString(),
    quick,
    busy,
    only,
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
    targets: verdicts(figures),
  };
  await mkdir(path.join(repoRoot, 'bench'), { recursive: true });
  const file = busy ? 'report-busy.json' : 'report.json';
  await writeFile(path.join(repoRoot, 'bench', file), `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatTable(figures));
  console.log(`\n${formatVerdicts(report.targets)}`);
  console.log(`\n${browser} · ${report.machine.cpus} CPUs · ${report.durationS} s · bench/${file}`);
}
