/**
 * What Rebound costs a busy page: the same page open at once in a browser with Rebound, in one
 * without, and in a second one without (the A/A control), all three read together at the edges
 * of short windows, round after round. A round's figure is a paired ratio (with / without over
 * that same window), so whatever else the machine did in it falls on both sides; the figure is
 * the median of the rounds' ratios with a bootstrap interval over rounds.
 *
 * Readings are CDP Performance metrics of each page's renderer, in thread time (CPU time, not
 * wall time: a thread preempted by another process does not look busier): script time, and the
 * main thread's and the whole renderer's CPU time (WebRTC works on threads of its own). Each is
 * divided by the page's own work in the window, its feed updates: on a loaded machine a page's
 * timers fall behind, and a side that ran fewer updates spent less for a reason not Rebound's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { repoRoot } from '../build';
import { findChromium } from '../chromium';
import { CHROMIUM_ARGS, type ExtensionSession } from '../driver/extension-session';
import { type Figure, median, pairedRatio, type Target } from './figures';

/** One window of one side. */
export interface Sample {
  /** The page's feed updates in the window. */
  updates: number;
  seconds: number;
  scriptMs: number;
  threadCpuMs: number;
  processCpuMs: number;
  longTasks: number;
}

type Reading = Omit<Sample, 'seconds'> & { timestamp: number };

const LONG_TASK_OBSERVER = `
  window.__longTasks = 0;
  new PerformanceObserver((list) => { window.__longTasks += list.getEntries().length; })
    .observe({ type: 'longtask', buffered: true });
`;

/** The extension session's viewport: the same layout work on every side. */
const VIEWPORT = { width: 1280, height: 800 };

/** A page to measure: the busy CRM, or a page on a WebRTC call. Both count `busyCrmTicks`. */
export interface OverheadPage {
  group: string;
  path: string;
  /** A page expression that is true once the page is in the state to measure. */
  ready?: string;
  /** The script-CPU target, with / without, on a page it applies to. */
  target?: Target;
}

/** Issue 15: the median, and the 95% interval's upper end. */
export const OVERHEAD_TARGET: Target = { atMost: 1.02, upperEndAtMost: 1.05 };

/** The busy CRM as a real one is: its chat widget's loader reads every message the widget posts. */
export const BUSY_CRM: OverheadPage = { group: 'page overhead', path: 'busy-crm/index.html', target: OVERHEAD_TARGET };

/**
 * The same page with nobody reading the widget's chatter, which no real page does: Rebound's
 * prefilter is then the first to read each message and pays for building it in the page's world.
 * Shown beside the target's figure, so the cost it hides is not hidden.
 */
export const BUSY_CRM_UNREAD_CHATTER: OverheadPage = {
  group: 'page overhead, worst case: nobody reads the chatter',
  path: 'busy-crm/index.html?chatter=unread',
};

interface Side {
  page: Page;
  cdp: CDPSession;
}

async function openSide(context: BrowserContext, url: string, ready?: string): Promise<Side> {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.addInitScript(LONG_TASK_OBSERVER);
  await page.goto(url);
  // A rep's page has had a click (the call page's audio starts with one): the same on every side.
  await page.mouse.click(2, 2);
  if (ready) await page.waitForFunction(ready, undefined, { timeout: 15_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, cdp };
}

async function read(side: Side): Promise<Reading> {
  const [{ metrics }, page] = await Promise.all([
    side.cdp.send('Performance.getMetrics') as Promise<{ metrics: Array<{ name: string; value: number }> }>,
    side.page.evaluate('[window.busyCrmTicks, window.__longTasks]') as Promise<[number, number]>,
  ]);
  const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return {
    timestamp: seconds('Timestamp'),
    scriptMs: seconds('ScriptDuration') * 1000,
    threadCpuMs: seconds('ThreadTime') * 1000,
    processCpuMs: seconds('ProcessTime') * 1000,
    updates: Number(page[0]),
    longTasks: Number(page[1]),
  };
}

const between = (before: Reading, after: Reading): Sample => ({
  updates: after.updates - before.updates,
  seconds: after.timestamp - before.timestamp,
  scriptMs: after.scriptMs - before.scriptMs,
  threadCpuMs: after.threadCpuMs - before.threadCpuMs,
  processCpuMs: after.processCpuMs - before.processCpuMs,
  longTasks: after.longTasks - before.longTasks,
});

/**
 * A browser like the bench's, with no extension (one for the baseline, one for the A/A control),
 * or with only the unpacked extension in `extensionDir`.
 */
export async function plainBrowser(
  extensionDir?: string,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'rebound-bench-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    viewport: VIEWPORT,
    args: extensionDir
      ? [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
      : CHROMIUM_ARGS,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** How the rounds are laid out: `blocks` times, fresh pages, a warm-up window, `rounds` windows. */
export interface OverheadSize {
  blocks: number;
  rounds: number;
  windowMs: number;
}

/**
 * The page open in every context at once, read in the same windows: each block opens it on every
 * side, throws one warm-up window away (the first second still settles: compiling, first
 * layouts, the call connecting), then takes `rounds` windows, and closes the pages: a new block
 * is new renderer processes, wherever the scheduler puts them. One list of samples per context.
 */
export async function sampleSides(
  contexts: readonly BrowserContext[],
  url: string,
  { blocks, rounds, windowMs }: OverheadSize,
  ready?: string,
): Promise<Sample[][]> {
  const samples: Sample[][] = contexts.map(() => []);
  for (let block = 0; block < blocks; block++) {
    const opened = new Map<number, Side>();
    try {
      // Opened in a rotating order: no side's pages are always the oldest.
      for (let turn = 0; turn < contexts.length; turn++) {
        const index = (block + turn) % contexts.length;
        opened.set(index, await openSide(contexts[index] as BrowserContext, url, ready));
      }
      const sides = contexts.map((_, index) => opened.get(index) as Side);
      const readAll = () => Promise.all(sides.map(read));
      let previous = await readAll();
      for (let round = -1; round < rounds; round++) {
        await new Promise((resolve) => setTimeout(resolve, windowMs));
        const current = await readAll();
        if (round >= 0) {
          for (const [index, side] of samples.entries())
            side.push(between(previous[index] as Reading, current[index] as Reading));
        }
        previous = current;
      }
    } finally {
      await Promise.all([...opened.values()].map((side) => side.page.close().catch(() => undefined)));
    }
  }
  return samples;
}

/** A figure per update of the page's own work: a side whose timers fell behind did less. */
const perUpdate = (pick: (sample: Sample) => number) => (sample: Sample) => pick(sample) / Math.max(1, sample.updates);
export const scriptPerUpdate = perUpdate((s) => s.scriptMs);
export const threadPerUpdate = perUpdate((s) => s.threadCpuMs);
const rendererPerUpdate = perUpdate((s) => s.processCpuMs);

/** A side's samples, the plain browser's and the A/A control's, from the same windows. */
interface AgainstPlain {
  side: Sample[];
  without: Sample[];
  again: Sample[];
  /** The paired ratio of `top` (the side, or the A/A control) against the plain browser. */
  ratio(top: Sample[], pick: (sample: Sample) => number): ReturnType<typeof pairedRatio>;
}

/** Samples the page in `context` beside a plain browser and a second plain one (the A/A control). */
async function againstPlain(
  context: BrowserContext,
  url: string,
  size: OverheadSize,
  ready?: string,
): Promise<AgainstPlain> {
  const baseline = await plainBrowser();
  const control = await plainBrowser();
  let samples: Sample[][];
  try {
    samples = await sampleSides([context, baseline.context, control.context], url, size, ready);
  } finally {
    await baseline.close();
    await control.close();
  }
  const [side, without, again] = samples as [Sample[], Sample[], Sample[]];
  return {
    side,
    without,
    again,
    ratio: (top, pick) => pairedRatio(top.map(pick), without.map(pick), { block: size.rounds }),
  };
}

/**
 * Rebound's side, a plain browser's and a second plain one's (the A/A control), in the same
 * windows. A round's figure is a paired ratio of one side against the plain one.
 */
export async function pageOverhead(
  session: ExtensionSession,
  size: OverheadSize,
  { group, path: pagePath, ready, target }: OverheadPage = BUSY_CRM,
): Promise<Figure[]> {
  const { blocks, rounds, windowMs } = size;
  const url = `${session.server.url}${pagePath}`;
  // Measured with the detector in the page, not before its registration lands.
  await session.waitForDetector();
  const { side: withRebound, without, again, ratio } = await againstPlain(session.context, url, size, ready);
  const updatesPerSecond = (sample: Sample) => sample.updates / Math.max(1e-6, sample.seconds);
  const sum = (samples: Sample[]) => samples.reduce((total, sample) => total + sample.longTasks, 0);
  return [
    { group, name: 'blocks × rounds (all three sides in each round)', value: blocks * rounds, unit: 'rounds' },
    { group, name: 'round length', value: windowMs, unit: 'ms' },
    {
      group,
      name: 'script CPU per page update, with / without',
      ...ratio(withRebound, scriptPerUpdate),
      unit: '×',
      target,
    },
    {
      group,
      name: 'main-thread CPU per page update, with / without',
      ...ratio(withRebound, threadPerUpdate),
      unit: '×',
    },
    {
      group,
      name: 'renderer CPU per page update, with / without',
      ...ratio(withRebound, rendererPerUpdate),
      unit: '×',
    },
    { group, name: 'page updates per second, with / without', ...ratio(withRebound, updatesPerSecond), unit: '×' },
    { group, name: 'A/A control: script CPU, plain / plain', ...ratio(again, scriptPerUpdate), unit: '×' },
    { group, name: 'A/A control: main-thread CPU, plain / plain', ...ratio(again, threadPerUpdate), unit: '×' },
    { group, name: 'A/A control: renderer CPU, plain / plain', ...ratio(again, rendererPerUpdate), unit: '×' },
    {
      group,
      name: 'page updates per second without Rebound (median)',
      value: median(without.map(updatesPerSecond)),
      unit: 'updates',
    },
    {
      group,
      name: 'script CPU per second without Rebound (median)',
      value: median(without.map((s) => s.scriptMs / s.seconds)),
      unit: 'ms',
    },
    { group, name: 'long tasks with Rebound (all rounds)', value: sum(withRebound), unit: 'tasks' },
    { group, name: 'long tasks without Rebound (all rounds)', value: sum(without), unit: 'tasks' },
  ];
}

/** An extension whose one content script adds an empty `message` listener to the page's world. */
const LISTENER_FLOOR_EXTENSION = path.join(repoRoot, 'tests/fixtures/listener-floor');

/**
 * The floor under the busy CRM's target, in the same kind of windows: a browser whose only
 * extension adds one empty `message` listener to the page's own world, against a plain one. Any
 * extension that hears a dialer's postMessage protocol in the page pays at least this: Chrome
 * calls the listener for each of the chat widget's 150 messages a second.
 */
export async function listenerFloor(session: ExtensionSession, size: OverheadSize): Promise<Figure[]> {
  const group = 'page overhead floor: one empty message listener, no Rebound';
  const floor = await plainBrowser(LISTENER_FLOOR_EXTENSION);
  let sides: AgainstPlain;
  try {
    sides = await againstPlain(floor.context, `${session.server.url}${BUSY_CRM.path}`, size);
  } finally {
    await floor.close();
  }
  const { side: withListener, again, ratio } = sides;
  return [
    { group, name: 'script CPU per page update, with / without', ...ratio(withListener, scriptPerUpdate), unit: '×' },
    {
      group,
      name: 'main-thread CPU per page update, with / without',
      ...ratio(withListener, threadPerUpdate),
      unit: '×',
    },
    { group, name: 'A/A control: script CPU, plain / plain', ...ratio(again, scriptPerUpdate), unit: '×' },
  ];
}
