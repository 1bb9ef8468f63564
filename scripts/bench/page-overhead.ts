/**
 * What Rebound costs a busy CRM page: the same page in a browser with Rebound and in one
 * without, alternating round by round, main-thread script and task time from CDP Performance
 * metrics and long tasks from the page's own observer. Ratios, because absolute times on a
 * shared machine mean little, with intervals and an A/A control, because even ratios move.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { findChromium } from '../chromium';
import { CHROMIUM_ARGS, type ExtensionSession } from '../driver/extension-session';
import { type Figure, median, medianRatio } from './figures';

interface Sample {
  scriptMs: number;
  taskMs: number;
  longTasks: number;
}

const LONG_TASK_OBSERVER = `
  window.__longTasks = 0;
  new PerformanceObserver((list) => { window.__longTasks += list.getEntries().length; })
    .observe({ type: 'longtask', buffered: true });
`;

/** A page to measure: the busy CRM, or a page on a WebRTC call. */
export interface OverheadPage {
  group: string;
  path: string;
  /** A page expression that is true once the page is in the state to measure. */
  ready?: string;
}

export const BUSY_CRM: OverheadPage = { group: 'page overhead', path: 'busy-crm/index.html' };

async function sampleRound(context: BrowserContext, url: string, windowMs: number, ready?: string): Promise<Sample> {
  const page = await context.newPage();
  await page.addInitScript(LONG_TASK_OBSERVER);
  await page.goto(url);
  if (ready) await page.waitForFunction(ready, undefined, { timeout: 15_000 });
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: Array<{ name: string; value: number }>;
    };
    const get = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
    return {
      script: get('ScriptDuration'),
      task: get('TaskDuration'),
      longTasks: await page.evaluate('window.__longTasks'),
    };
  };
  const before = await read();
  await page.waitForTimeout(windowMs);
  const after = await read();
  await page.close();
  return {
    scriptMs: (after.script - before.script) * 1000,
    taskMs: (after.task - before.task) * 1000,
    longTasks: Number(after.longTasks) - Number(before.longTasks),
  };
}

/** A browser like the bench's, with no extension: one for the baseline, one for the A/A control. */
async function plainBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'rebound-bench-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Each round measures the page three times, in a rotating order so drift on the machine falls on
 * every side: with Rebound, without, and again without in a second plain browser. That last
 * side, over the first plain one, is an A/A control: how far two identical setups differ on this
 * machine in this run. The ratios carry 95% bootstrap intervals.
 */
export async function pageOverhead(
  session: ExtensionSession,
  rounds: number,
  windowMs: number,
  { group, path: pagePath, ready }: OverheadPage = BUSY_CRM,
): Promise<Figure[]> {
  const url = `${session.server.url}${pagePath}`;
  // Measured with the detector in the page, not before its registration lands.
  await session.waitForDetector();
  const baseline = await plainBrowser();
  const control = await plainBrowser();
  const sides = [
    { context: session.context, samples: [] as Sample[] },
    { context: baseline.context, samples: [] as Sample[] },
    { context: control.context, samples: [] as Sample[] },
  ];
  try {
    for (let round = 0; round < rounds; round++) {
      for (let turn = 0; turn < sides.length; turn++) {
        const side = sides[(round + turn) % sides.length];
        side?.samples.push(await sampleRound(side.context, url, windowMs, ready));
      }
    }
  } finally {
    await baseline.close();
    await control.close();
  }
  const [withRebound, without, again] = sides.map((side) => side.samples) as [Sample[], Sample[], Sample[]];
  const ratio = (top: Sample[], pick: (sample: Sample) => number) => medianRatio(top.map(pick), without.map(pick));
  return [
    { group, name: 'rounds (each side)', value: rounds, unit: 'rounds' },
    {
      group,
      name: 'script time, with / without',
      ...ratio(withRebound, (s) => s.scriptMs),
      unit: '×',
      target: '≤ 1.02×',
    },
    {
      group,
      name: 'task time, with / without',
      ...ratio(withRebound, (s) => s.taskMs),
      unit: '×',
      target: '≤ 1.02×',
    },
    {
      group,
      name: 'A/A control: script time, plain / plain',
      ...ratio(again, (s) => s.scriptMs),
      unit: '×',
    },
    {
      group,
      name: 'script time without Rebound (median)',
      value: median(without.map((s) => s.scriptMs)),
      unit: 'ms',
    },
    {
      group,
      name: 'long tasks with Rebound (median)',
      value: median(withRebound.map((s) => s.longTasks)),
      unit: 'tasks',
    },
    {
      group,
      name: 'long tasks without Rebound (median)',
      value: median(without.map((s) => s.longTasks)),
      unit: 'tasks',
    },
  ];
}
