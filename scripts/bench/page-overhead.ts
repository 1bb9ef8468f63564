/**
 * What Rebound costs a busy CRM page: the same page in a browser with Rebound and in one
 * without, alternating round by round, main-thread script and task time from CDP Performance
 * metrics and long tasks from the page's own observer. Ratios, because absolute times on a
 * shared machine mean little.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { findChromium } from '../chromium';
import { CHROMIUM_ARGS, type ExtensionSession } from '../driver/extension-session';
import { type Figure, median } from './figures';

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

async function sampleRound(context: BrowserContext, url: string, windowMs: number): Promise<Sample> {
  const page = await context.newPage();
  await page.addInitScript(LONG_TASK_OBSERVER);
  await page.goto(url);
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

export async function pageOverhead(session: ExtensionSession, rounds: number, windowMs: number): Promise<Figure[]> {
  const url = `${session.server.url}busy-crm/index.html`;
  // Same flags, same fixture server, no extension.
  const profile = await mkdtemp(path.join(os.tmpdir(), 'rebound-bench-plain-'));
  const plain = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const withRebound: Sample[] = [];
  const without: Sample[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first, so drift on the machine falls on both sides.
      const order = round % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
      for (const side of order) {
        if (side === 'with') withRebound.push(await sampleRound(session.context, url, windowMs));
        else without.push(await sampleRound(plain, url, windowMs));
      }
    }
  } finally {
    await plain.close();
    await rm(profile, { recursive: true, force: true });
  }
  const ratio = (pick: (sample: Sample) => number) =>
    median(withRebound.map(pick)) / Math.max(1e-9, median(without.map(pick)));
  return [
    { group: 'page overhead', name: 'rounds (each side)', value: rounds, unit: 'rounds' },
    {
      group: 'page overhead',
      name: 'script time, with / without',
      value: ratio((s) => s.scriptMs),
      unit: '×',
      target: '≤ 1.02×',
    },
    {
      group: 'page overhead',
      name: 'task time, with / without',
      value: ratio((s) => s.taskMs),
      unit: '×',
      target: '≤ 1.02×',
    },
    {
      group: 'page overhead',
      name: 'script time without Rebound (median)',
      value: median(without.map((s) => s.scriptMs)),
      unit: 'ms',
    },
    {
      group: 'page overhead',
      name: 'long tasks with Rebound (median)',
      value: median(withRebound.map((s) => s.longTasks)),
      unit: 'tasks',
    },
    {
      group: 'page overhead',
      name: 'long tasks without Rebound (median)',
      value: median(without.map((s) => s.longTasks)),
      unit: 'tasks',
    },
  ];
}
