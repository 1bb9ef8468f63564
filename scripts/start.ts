/**
 * `npm start`: builds the demo flavour, serves the demo dialer on 127.0.0.1 and opens Chromium
 * with Rebound loaded on it. With no display it plays the demo headless instead: one call,
 * hang up, rate it, reset, with a screenshot of each step in demo-output/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { buildExtension, repoRoot } from './build';
import { ClosedShadowToast } from './driver/closed-shadow';
import { ExtensionPopup, skipToReady } from './driver/extension-popup';
import { type ExtensionSession, launchExtension } from './driver/extension-session';
import { importHistoryThroughOptions } from './driver/import-history';
import { generateHistory } from './seed-history';

const DEMO_QUERY = 'answerDelayMs=600';
/** Short enough for a demo call to earn a nudge; the shipped default is 20 s. */
const DEMO_SETTINGS = { minCallSeconds: 3 };

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function interactive(): Promise<void> {
  const session = await launchExtension({
    headless: false,
    profileDir: path.join(os.tmpdir(), 'rebound-demo-profile'),
  });
  await session.setSettings(DEMO_SETTINGS);
  const page = await session.openDemoDialer(DEMO_QUERY);
  for (const other of session.context.pages()) if (other !== page && other.url() === 'about:blank') await other.close();
  console.log(`Rebound is loaded in Chromium on the demo dialer: ${page.url()}`);
  console.log('Call a contact, talk for a few seconds, hang up, and watch for the nudge. Close the browser to stop.');
  await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
  await session.close().catch(() => undefined);
}

/** Plays the demo headless, saving a screenshot of each step in `outDir`; returns their paths. */
export async function headlessDemo(outDir = path.join(repoRoot, 'demo-output')): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const shots: string[] = [];
  const save = async (name: string, png: Buffer | Promise<Buffer>) => {
    const file = path.join(outDir, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
    await writeFile(file, await png);
    shots.push(file);
  };
  const shoot = (page: Page, name: string) => save(name, page.screenshot());

  let session: ExtensionSession | undefined;
  try {
    session = await launchExtension();
    await session.setSettings(DEMO_SETTINGS);
    const page = await session.openDemoDialer(DEMO_QUERY);
    const softphone = page.frameLocator('#softphone');
    const toast = await ClosedShadowToast.attach(page);
    await shoot(page, 'dialer-ready');

    await page.getByRole('button', { name: 'Call Dana Whitfield' }).click();
    await softphone.getByText('On call').waitFor();
    await page.waitForTimeout(3500);
    await shoot(page, 'on-call');

    await softphone.getByRole('button', { name: 'Hang up' }).click();
    await toast.waitShown();
    await page.waitForTimeout(300);
    await shoot(page, 'call-ended-toast');

    await toast.click('Tough');
    await page.waitForTimeout(200);
    await shoot(page, 'rated-tough');

    await toast.click('Reset');
    const popup = await ExtensionPopup.waitFor(page, session.extensionUrl('popup/index.html'));
    await popup.waitForText('Breathe');
    await page.waitForTimeout(1500);
    await save('reset-breathing', popup.screenshot());
    await popup.waitForText('Throw it away', 15_000);
    await save('reset-throw-it-away', popup.screenshot());
    // The demo shows the first and last steps; the ones between are skipped, as a rep may.
    await skipToReady(popup);
    await save('reset-ready', popup.screenshot());
    await popup.clickButton('Done');
    await popup.waitForText('Reset done');
    await save('popup-after-reset', popup.screenshot());

    // A seeded history (npm run seed) shows what the rep's own record looks like after months.
    const options = await session.context.newPage();
    await options.goto(session.extensionUrl('options/index.html#your-data'));
    await importHistoryThroughOptions(options, generateHistory({ calls: 2000, endAt: Date.now() }));
    for (const section of ['history', 'insights', 'follow-ups']) {
      await options.goto(session.extensionUrl(`options/index.html#${section}`));
      await options.getByRole('heading', { level: 1 }).waitFor();
      await options.waitForTimeout(500);
      await shoot(options, `options-${section}`);
    }
  } finally {
    await session?.close();
  }
  return shots;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildExtension('demo');
  if (hasDisplay()) {
    await interactive();
  } else {
    const shots = await headlessDemo();
    console.log('No display found, so the demo ran headless. Screenshots of each step:');
    for (const shot of shots) console.log(`  ${path.relative(process.cwd(), shot)}`);
  }
}
