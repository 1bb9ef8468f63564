/**
 * Where the seconds of an end-to-end test's browser go: the steps `launchExtension` and a test's
 * set-up take, one by one, then the helper itself end to end, for deciding what a test's set-up
 * is worth cutting. Prints the median and every sample of each step.
 *
 *   npx tsx scripts/bench/launch-phases.ts [rounds]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../tests/fixtures/static-server';
import { distDir, repoRoot } from '../build';
import { findChromium } from '../chromium';
import { CHROMIUM_ARGS, type ExtensionGlobals, launchExtension } from '../driver/extension-session';
import { median } from './figures';

const samples = new Map<string, number[]>();

async function timed<T>(step: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  samples.set(step, [...(samples.get(step) ?? []), performance.now() - start]);
  return result;
}

/** The launch taken apart, step by step, as `launchExtension` and a test's first reads do it. */
async function launchByParts(): Promise<void> {
  const profile = await timed('profile made', () => mkdtemp(path.join(os.tmpdir(), 'rebound-launch-')));
  const extension = distDir('chrome', 'demo');
  const context = await timed('Chromium started', () =>
    chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
    }),
  );
  const server = await timed('fixture server started', () => serveStatic(path.join(repoRoot, 'tests/fixtures')));
  const worker = await timed(
    'service worker seen',
    async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')),
  );
  const origin = `chrome-extension://${new URL(worker.url()).host}/`;
  const probe = await timed('options page open (the probe)', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}options/index.html`);
    return page;
  });
  await timed('settings stored', () =>
    probe.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).chrome.storage.local.set({ settings: { minCallSeconds: 1 } }),
    ),
  );
  await timed('detector registered', () =>
    probe.evaluate(async () => {
      const { scripting } = (globalThis as unknown as ExtensionGlobals).chrome;
      while ((await scripting.getRegisteredContentScripts()).length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }),
  );
  await timed('demo dialer open', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}demo-dialer/index.html`);
  });
  await timed('browser closed', () => context.close());
  await timed('fixture server closed', () => server.close());
  await timed('profile removed', () => rm(profile, { recursive: true, force: true }));
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 5);
  for (let round = 0; round < rounds; round++) {
    await launchByParts();
    const session = await timed('launchExtension, whole', () => launchExtension());
    await timed('launchExtension: settings stored', () => session.setSettings({ minCallSeconds: 1 }));
    await timed('launchExtension: closed', () => session.close());
  }
  for (const [step, values] of samples) {
    console.log(
      `${step.padEnd(36)} median ${median(values).toFixed(0).padStart(5)} ms   ${values.map((v) => v.toFixed(0)).join(' ')}`,
    );
  }
}

await main();
