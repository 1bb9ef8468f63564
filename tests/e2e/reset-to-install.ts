import { expect } from 'vitest';
import type { ExtensionSession } from '../../scripts/driver/extension-session';
import { type InstallState, installState } from './install-state';

interface ResetGlobals {
  chrome: {
    storage: Record<'local' | 'sync' | 'session', { clear(): Promise<void> }>;
    alarms: { clearAll(): Promise<boolean> };
    notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
    permissions: {
      getAll(): Promise<{ origins?: string[]; permissions?: string[] }>;
      remove(permissions: { origins: string[]; permissions: string[] }): Promise<boolean>;
    };
  };
}

/**
 * Takes a browser that earlier tests used back to the state of a fresh install, `installed` (read
 * from this browser right after its launch), and fails unless it gets there. With every tab
 * closed and the worker stopped (its memory gone with it) the database is deleted and storage,
 * alarms and notifications cleared; permissions gained since install are removed. Clearing
 * storage wakes the worker, which starts as it did at install: it makes the database through its
 * own open, writes its session marks and schedules its alarms. The onboarding tab the install
 * opened is opened again.
 */
export async function resetToInstall(session: ExtensionSession, installed: InstallState): Promise<void> {
  const { context } = session;
  const blank = await context.newPage();
  await Promise.all(
    context
      .pages()
      .filter((page) => page !== blank)
      .map((page) => page.close()),
  );
  await context.clearCookies();
  const reader = await context.newPage();
  await reader.goto(session.extensionUrl('manifest.json'));
  const cdp = await context.newCDPSession(reader);
  for (const origin of [session.server.origin, session.server.origin.replace('127.0.0.1', 'localhost')]) {
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  }
  await reader.evaluate(async (granted) => {
    const { permissions } = (globalThis as unknown as ResetGlobals).chrome;
    const now = await permissions.getAll();
    const gained = {
      origins: (now.origins ?? []).filter((origin) => !granted.origins.includes(origin)),
      permissions: (now.permissions ?? []).filter((permission) => !granted.permissions.includes(permission)),
    };
    if (gained.origins.length + gained.permissions.length > 0) await permissions.remove(gained);
  }, installed.permissions);

  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: Array<{ runningStatus: string }> }) => {
      if (event.versions.every((version) => version.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();

  await reader.evaluate(async () => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase('rebound');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    const { alarms, notifications, storage } = (globalThis as unknown as ResetGlobals).chrome;
    await alarms.clearAll();
    await Promise.all(Object.keys(await notifications.getAll()).map((id) => notifications.clear(id)));
    // Last: the change wakes the worker, which must find everything else gone.
    await Promise.all([storage.local.clear(), storage.sync.clear(), storage.session.clear()]);
  });
  await reader.close();
  await (await context.newPage()).goto(session.extensionUrl('onboarding/index.html'));
  session.extensionErrors.length = 0;

  await expect.poll(() => installState(session), { timeout: 15_000, interval: 200 }).toEqual(installed);
  await expect
    .poll(() => context.serviceWorkers().some((worker) => worker.url().startsWith(session.extensionUrl(''))))
    .toBe(true);
}

/** The state a fresh install settles in: read until two reads a moment apart agree. */
export async function settledInstallState(session: ExtensionSession): Promise<InstallState> {
  let last = await installState(session);
  await expect
    .poll(
      async () => {
        const now = await installState(session);
        const same = JSON.stringify(now) === JSON.stringify(last);
        last = now;
        return same && now.database !== undefined && now.alarms.length > 0;
      },
      { timeout: 15_000, interval: 500 },
    )
    .toBe(true);
  return last;
}
