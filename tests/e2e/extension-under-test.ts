import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type ExtensionSession, type LaunchOptions, launchExtension } from '../../scripts/driver/extension-session';
import type { InstallState } from './install-state';
import { resetToInstall, settledInstallState } from './reset-to-install';

/** The default minimum (20 s) would make every call test wait; the policy itself is unit-tested. */
export const QUICK_CALLS = { minCallSeconds: 1 } as const;

export interface ExtensionUnderTest extends ExtensionSession {
  /** Closes this browser (if open) and launches another, e.g. on a kept profile; the test goes on with it. */
  relaunch(options?: LaunchOptions): Promise<void>;
}

interface Setup {
  /**
   * A fresh browser for every test (default); one for the whole file; or one for the whole file,
   * taken back to the state of a fresh install before each test (`resetToInstall`, which fails
   * when it cannot get there). Not for tests of install, update, browser quit, policies or
   * permissions: those need what only a new browser has. A test that relaunches gets the next test
   * a new browser.
   */
  per?: 'test' | 'file' | 'file-reset';
  /** Stored before the test starts; `{}` keeps the defaults. */
  settings?: Record<string, unknown>;
  launch?: LaunchOptions;
  /** Runs after each launch, before the settings are stored. */
  onLaunch?(session: ExtensionSession): void;
}

/**
 * The built extension in Chromium for the tests of one file: launched before, closed after, with
 * the settings the file's calls need. What it returns stands for whichever browser is open now.
 */
export function extensionUnderTest({
  per = 'test',
  settings = QUICK_CALLS,
  launch,
  onLaunch,
}: Setup = {}): ExtensionUnderTest {
  let current: ExtensionSession | undefined;
  /** The fresh install's state, when this file resets its browser between tests. */
  let installed: InstallState | undefined;
  const open = async (options = launch, relaunched = false) => {
    current = await launchExtension(options);
    onLaunch?.(current);
    // A relaunched browser may carry a kept profile: no install to go back to.
    installed = per === 'file-reset' && !relaunched ? await settledInstallState(current) : undefined;
    if (Object.keys(settings).length > 0) await current.setSettings(settings);
  };
  const close = async () => {
    await current?.close();
    current = undefined;
  };
  const freshForTest = async () => {
    if (!current || !installed) {
      await close();
      await open();
      return;
    }
    await resetToInstall(current, installed);
    if (Object.keys(settings).length > 0) await current.setSettings(settings);
  };
  if (per === 'file-reset') {
    beforeEach(freshForTest);
    afterAll(close);
  } else {
    (per === 'test' ? beforeEach : beforeAll)(() => open());
    (per === 'test' ? afterEach : afterAll)(close);
  }

  const relaunch = async (options?: LaunchOptions) => {
    await close();
    await open(options, true);
  };
  return new Proxy({} as ExtensionUnderTest, {
    get(_, key) {
      if (key === 'relaunch') return relaunch;
      if (key === 'close') return close;
      if (!current) throw new Error(`No browser is open: ${String(key)} was read outside a test`);
      // A reset stops the worker: the one running now is a later one than the launch's.
      if (key === 'worker') {
        const origin = current.extensionUrl('');
        return current.context.serviceWorkers().find((worker) => worker.url().startsWith(origin)) ?? current.worker;
      }
      const value = Reflect.get(current, key);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
