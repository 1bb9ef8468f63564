import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type ExtensionSession, type LaunchOptions, launchExtension } from '../../scripts/driver/extension-session';

/** The default minimum (20 s) would make every call test wait; the policy itself is unit-tested. */
export const QUICK_CALLS = { minCallSeconds: 1 } as const;

export interface ExtensionUnderTest extends ExtensionSession {
  /** Closes this browser (if open) and launches another, e.g. on a kept profile; the test goes on with it. */
  relaunch(options?: LaunchOptions): Promise<void>;
}

interface Setup {
  /** A fresh browser for every test (default), or one for the whole file. */
  per?: 'test' | 'file';
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
  const open = async (options = launch) => {
    current = await launchExtension(options);
    onLaunch?.(current);
    if (Object.keys(settings).length > 0) await current.setSettings(settings);
  };
  const close = async () => {
    await current?.close();
    current = undefined;
  };
  (per === 'test' ? beforeEach : beforeAll)(() => open());
  (per === 'test' ? afterEach : afterAll)(close);

  const relaunch = async (options?: LaunchOptions) => {
    await close();
    await open(options);
  };
  return new Proxy({} as ExtensionUnderTest, {
    get(_, key) {
      if (key === 'relaunch') return relaunch;
      if (key === 'close') return close;
      if (!current) throw new Error(`No browser is open: ${String(key)} was read outside a test`);
      const value = Reflect.get(current, key);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
