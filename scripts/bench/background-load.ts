/**
 * `--busy`: a rep's laptop is rarely quiet. Four busy CRM tabs run in a second Chromium, with no
 * extension, for the whole bench, so every figure is taken while the cores are shared.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../chromium';
import { CHROMIUM_ARGS } from '../driver/extension-session';

export const BUSY_TABS = 4;

/** Opens `tabs` copies of `url` in their own browser; resolves to the function that closes them. */
export async function startBackgroundLoad(url: string, tabs = BUSY_TABS): Promise<() => Promise<void>> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'rebound-bench-busy-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  for (let tab = 0; tab < tabs; tab++) await (await context.newPage()).goto(url);
  return async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
}
