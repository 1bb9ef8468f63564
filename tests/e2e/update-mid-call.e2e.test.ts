/**
 * A new version of Rebound arriving mid-call. A store update cannot be staged for an unpacked
 * extension (runtime.onUpdateAvailable only fires for store installs; its wait-for-quiet gate is
 * unit-tested in tests/unit/background/update-gate.test.ts), so this installs a newer version the
 * way Chromium's own "Load unpacked" does: the demo build is copied to a folder of its own and
 * loaded from there, a call starts, the copy's manifest gets a newer version, and the DevTools
 * command Extensions.loadUnpacked installs that folder again: same id, the old version unloaded
 * (storage.session cleared, its content scripts cut off), the new one started, as an update is.
 * chrome.runtime.reload() cannot stand in: Chromium disables an extension loaded with
 * --load-extension when it reloads itself (seen here; Chrome 137+). The call must be recorded
 * once: the old content script cannot reach the new worker, so the new version's first start
 * records it from its shadow, as browser-closed.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { distDir } from '../../scripts/build';
import type { CallRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { waitForCalls } from './wait-for-calls';

let extensionDir: string;

beforeAll(async () => {
  extensionDir = await mkdtemp(path.join(os.tmpdir(), 'rebound-e2e-update-'));
  await cp(distDir('chrome', 'demo'), extensionDir, { recursive: true });
});
afterAll(() => rm(extensionDir, { recursive: true, force: true }));

const session = extensionUnderTest({ settings: { minCallSeconds: 0 } });

/** The running version, read from a fresh extension page (a reload closes the open ones). */
async function manifestVersion(): Promise<string> {
  const page = await session.context.newPage();
  try {
    await page.goto(session.extensionUrl('options/index.html'));
    return await page.evaluate(
      () =>
        (
          globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }
        ).chrome.runtime.getManifest().version,
    );
  } finally {
    await page.close();
  }
}

it('a newer version loaded mid-call records that call once, as browser-closed, and hears the next call', async () => {
  await session.relaunch({ extensionDir, extensionDebugging: true });
  await session.setSettings({ minCallSeconds: 0 });
  const dialer = await session.openDemoDialer('answerDelayMs=0');
  await dialer.getByRole('button', { name: 'Call Dana Whitfield' }).click();
  const softphone = dialer.frameLocator('#softphone');
  await softphone.getByText('On call').waitFor();
  await expect
    .poll(async () => Object.keys((await session.localValue<object>('liveCallShadows')) ?? {}).length, {
      timeout: 10_000,
    })
    .toBe(1);
  const before = await manifestVersion();

  const manifestPath = path.join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const newer = `${before}.1`;
  await writeFile(manifestPath, JSON.stringify({ ...manifest, version: newer }));
  await session.installAgainFromDisk();
  await expect.poll(manifestVersion, { timeout: 10_000 }).toBe(newer);

  const [call] = await waitForCalls(session, 1);
  expect(call).toMatchObject({ source: 'hubspot', endReason: 'browser-closed', approximate: true });

  // The hang-up reaches nobody (that page's content script belongs to the old version): still one row.
  await softphone.getByRole('button', { name: 'Hang up' }).click();
  // A call on a page opened after the update is heard by the new version, and is the second row.
  const next = await session.openDemoDialer('answerDelayMs=0');
  await next.getByRole('button', { name: 'Call Marcus Oyelaran' }).click();
  await next.frameLocator('#softphone').getByText('On call').waitFor();
  await next.frameLocator('#softphone').getByRole('button', { name: 'Hang up' }).click();
  const calls = await waitForCalls(session, 2);
  expect(calls.filter((row: CallRecord) => row.callKey === call?.callKey)).toHaveLength(1);
  expect(calls.map((row) => row.endReason).sort()).toEqual(['browser-closed', 'hang-up']);
  expect(session.extensionErrors).toEqual([]);
});
