/**
 * The test driver's launch: on a fresh profile it returns only once the install's onboarding tab
 * is open (opened after a test's own page, that tab can leave the page at one frame a second in
 * headless Chromium, and every click then waits about 2 s); on a profile that already has the
 * extension there is no install and no tab to wait for.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from '../../scripts/driver/extension-session';

let session: ExtensionSession | undefined;
let profileDir: string | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
  profileDir = undefined;
});

const onboardingOpen = (open: ExtensionSession) =>
  open.context.pages().some((page) => page.url() === open.extensionUrl('onboarding/index.html'));

it('returns from a fresh install with the onboarding tab already open', async () => {
  session = await launchExtension();
  expect(onboardingOpen(session)).toBe(true);
});

it('returns from a launch on a profile that has the extension without waiting for a tab', async () => {
  profileDir = await mkdtemp(path.join(os.tmpdir(), 'rebound-e2e-relaunch-'));
  const first = await launchExtension({ profileDir });
  expect(onboardingOpen(first)).toBe(true);
  await first.close();
  // A launch waiting here for the install's tab would fail after 15 s, saying so.
  session = await launchExtension({ profileDir });
  expect(onboardingOpen(session)).toBe(false);
});
