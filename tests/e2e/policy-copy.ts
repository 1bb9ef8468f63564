import { mkdtempSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { distDir } from '../../scripts/build';
import type { ExtensionSession } from '../../scripts/driver/extension-session';

/**
 * A copy of the demo build in a folder of its own, for a file that writes a managed policy:
 * Chromium derives an unpacked extension's id from its folder, so the policy names this copy only
 * and the browsers other files run at the same time (from dist/demo) never see it.
 */
export function demoBuildCopyForPolicy(name: string): string {
  const extensionDir = mkdtempSync(path.join(os.tmpdir(), `rebound-e2e-${name}-`));
  beforeAll(() => cp(distDir('chrome', 'demo'), extensionDir, { recursive: true }));
  afterAll(() => rm(extensionDir, { recursive: true, force: true }));
  return extensionDir;
}

interface ManagedGlobals {
  chrome: { storage: { managed: { get(): Promise<Record<string, unknown>> } } };
}

/** What the extension reads from the organization's policy now. */
export async function managedStorage(session: ExtensionSession): Promise<Record<string, unknown>> {
  return (await session.extensionPage()).evaluate(() =>
    (globalThis as unknown as ManagedGlobals).chrome.storage.managed.get(),
  );
}
