/**
 * Launches Debian's Chromium with the built demo-flavour extension in a fresh profile, serves
 * the fixtures on 127.0.0.1, and gives tests a handle on the worker, the pages and the database.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { type StaticServer, serveStatic } from '../../tests/fixtures/static-server';
import { distDir, repoRoot } from '../build';
import { findChromium } from '../chromium';
import type { Flavour } from '../manifest';
import { SCRIPT_ANSWER_MS, within } from './within';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  // WebRTC fixtures make real calls with a fake microphone and no permission prompt.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

/** The bits of an extension context's `chrome` global these helpers touch. */
export interface ExtensionGlobals {
  chrome: {
    scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
    storage: {
      local: {
        set(items: Record<string, unknown>): Promise<void>;
        get(key: string): Promise<Record<string, unknown>>;
      };
      session: { get(key: string): Promise<Record<string, unknown>> };
    };
  };
}

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  server: StaticServer;
  /** Console errors and uncaught page errors from the extension's worker and pages. */
  extensionErrors: string[];
  extensionUrl(pathname: string): string;
  /** Resolves once the detector content script is registered for the fixture server. */
  waitForDetector(): Promise<void>;
  /** Waits for the detector to be registered, then opens the demo dialer. */
  openDemoDialer(query?: string): Promise<Page>;
  /** Waits for the detector to be registered, then opens a page under tests/fixtures/. */
  openFixture(pathAndQuery: string): Promise<Page>;
  /** An extension page (options) kept open for reads; usable while the worker is stopped. */
  extensionPage(): Promise<Page>;
  /** Stops the service worker the way Chrome does when idle (CDP); the next event wakes it. */
  stopServiceWorker(): Promise<void>;
  /** Stores settings as the options page would (storage.local 'settings'). */
  setSettings(settings: Record<string, unknown>): Promise<void>;
  /** A storage.session value, read from an extension page: works while the worker is stopped. */
  sessionValue<T>(key: string): Promise<T | undefined>;
  /** A storage.local value, read from an extension page. */
  localValue<T>(key: string): Promise<T | undefined>;
  /**
   * Kills the browser's main process with SIGKILL, as a crash or a power cut would: nothing gets
   * to run on the way down. Resolves once it is gone; `close()` afterwards only tidies up.
   */
  killBrowser(): Promise<void>;
  /**
   * Installs the unpacked extension again from its folder, as Chromium installs an update: the
   * old version is unloaded (its storage.session cleared) and the folder's version starts.
   * Needs `extensionDebugging` at launch.
   */
  installAgainFromDisk(): Promise<void>;
  /** How many rows a table holds, read without loading them. */
  countRows(table: 'calls' | 'resets' | 'followUps'): Promise<number>;
  readTable<T = Record<string, unknown>>(
    table: 'calls' | 'resets' | 'followUps' | 'dayRollups' | 'callPacks' | 'resetPacks',
  ): Promise<T[]>;
  /** Adds a row as the extension would, and returns its id. */
  addRow(table: 'calls' | 'resets' | 'followUps', row: Record<string, unknown>): Promise<number>;
  /**
   * Puts `pattern` on the browser's own record of sites this extension was granted, the way the
   * rep can on chrome://extensions (site access). Headless Chromium cannot show the permission
   * prompt; with the grant on record, the extension's own `permissions.request` for it resolves
   * without one. It does not give the extension the site by itself: the request still must.
   */
  approveSiteAccess(pattern: string): Promise<void>;
  /** Runs `fn` in the extension's current service worker. */
  inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Default true. Headed needs a display. */
  headless?: boolean;
  /** A profile to keep between runs; by default a fresh one, removed on close. */
  profileDir?: string;
  /** The browser's UI language (what chrome.i18n answers in), e.g. 'es'. */
  uiLanguage?: string;
  /** Which test build to load (default demo); the caller builds any other flavour first. */
  flavour?: Exclude<Flavour, 'store'>;
  /** The unpacked extension to load; by default the demo build in dist/demo/chrome. */
  extensionDir?: string;
  /**
   * Opens a DevTools port with the Extensions domain (`--enable-unsafe-extension-debugging`), for
   * `installAgainFromDisk`. An extension loaded with --load-extension cannot reload itself:
   * Chromium disables it on runtime.reload(); a CDP install of the same folder is an update.
   */
  extensionDebugging?: boolean;
  /**
   * Starts the browser with no extension, runs this (open the tabs a rep already has), and only
   * then installs the extension over DevTools (`Extensions.loadUnpacked`), as a rep installing it
   * from the store would: a fresh install into a browser with those tabs open.
   */
  beforeInstall?: (context: BrowserContext, server: StaticServer) => Promise<void>;
}

/** The browser's main process: the one started with this profile that is no child (`--type=`). */
function browserPid(profile: string): number {
  const processes = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  // The whole argument, not a substring: another browser's profile path may start with this one.
  const main = processes.find((line) => {
    const args = line.trim().split(/\s+/);
    return args.includes(`--user-data-dir=${profile}`) && !args.some((arg) => arg.startsWith('--type='));
  });
  const pid = Number(main?.trim().split(/\s+/)[0]);
  if (!Number.isSafeInteger(pid) || pid <= 0) throw new Error(`no browser process found for profile ${profile}`);
  return pid;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits for the tab the extension opens on install (200–650 ms after its worker starts, on a
 * loaded machine). Opened after a test's own page, it can leave that page's frames at one a
 * second (headless Chromium; seen in 1 of 3 such runs): each Playwright click then waits about
 * 2 s for its element to be "stable", and a popup walk of 25 clicks outlasts its test's limit.
 */
async function onboardingOpened(context: BrowserContext, url: string): Promise<void> {
  const deadline = Date.now() + SCRIPT_ANSWER_MS;
  while (!context.pages().some((page) => page.url() === url)) {
    if (Date.now() > deadline) {
      throw new Error(`gave up after ${SCRIPT_ANSWER_MS / 1000} s waiting for the onboarding tab opened on install`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function launchExtension({
  headless = true,
  profileDir,
  uiLanguage,
  flavour = 'demo',
  extensionDir = distDir('chrome', flavour),
  extensionDebugging = false,
  beforeInstall,
}: LaunchOptions = {}): Promise<ExtensionSession> {
  const profile = profileDir ?? (await mkdtemp(path.join(os.tmpdir(), 'rebound-e2e-')));
  // An empty profile is a first install, and the extension answers it with its onboarding tab.
  const installs = beforeInstall !== undefined || (await readdir(profile).catch(() => [])).length === 0;
  const args = CHROMIUM_ARGS.filter((arg) => headless || !arg.startsWith('--headless'));
  const context = await chromium.launchPersistentContext(profile, {
    // Playwright's own default is three minutes, longer than any test may take.
    timeout: 30_000,
    // Installed later over DevTools, the extension must not be loaded at start: --load-extension
    // and --disable-extensions-except both load it, and Playwright's --disable-extensions would
    // refuse the later install.
    ...(beforeInstall ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    executablePath: findChromium(),
    headless,
    viewport: headless ? { width: 1280, height: 800 } : null,
    // Without it, headless Chromium loads the extension's messages in uiLanguage but answers
    // i18n.getUILanguage() (and navigator.language) with en-US, so numbers and dates would not
    // follow the words as they do in a browser set to that language.
    ...(uiLanguage ? { locale: uiLanguage } : {}),
    args: [
      ...args,
      ...(beforeInstall ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]),
      ...(uiLanguage ? [`--lang=${uiLanguage}`] : []),
      ...(extensionDebugging || beforeInstall
        ? ['--enable-unsafe-extension-debugging', '--remote-debugging-port=0']
        : []),
    ],
    // On Linux, Chromium takes its UI language from the environment rather than --lang.
    ...(uiLanguage ? { env: { ...process.env, LANGUAGE: uiLanguage, LANG: `${uiLanguage}.UTF-8` } } : {}),
  });
  const server = await serveStatic(path.join(repoRoot, 'tests/fixtures'));
  const installFromDisk = async () => {
    // Chromium writes the port it chose into the profile.
    const [port] = (await readFile(path.join(profile, 'DevToolsActivePort'), 'utf8')).split('\n');
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    try {
      const cdp = await browser.newBrowserCDPSession();
      // The Extensions domain is newer than playwright-core's protocol types.
      await cdp.send('Extensions.loadUnpacked' as 'Browser.getVersion', { path: extensionDir } as never);
      await cdp.detach();
    } finally {
      await browser.close();
    }
  };
  if (beforeInstall) {
    await beforeInstall(context, server);
    const installed = context.waitForEvent('serviceworker');
    await installFromDisk();
    await installed;
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  const extensionOrigin = `chrome-extension://${extensionId}/`;
  const extensionErrors: string[] = [];
  const watchWorker = (w: Worker) =>
    w.on('console', (message) => {
      if (message.type() === 'error') extensionErrors.push(`worker: ${message.text()}`);
    });
  watchWorker(worker);
  context.on('serviceworker', watchWorker);
  const watchPage = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error' && page.url().startsWith(extensionOrigin)) {
        extensionErrors.push(`${page.url()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => {
      if (page.url().startsWith(extensionOrigin)) extensionErrors.push(`${page.url()}: ${error.message}`);
    });
  };
  // The onboarding tab included, whether it opened before this line or opens during the wait.
  for (const page of context.pages()) watchPage(page);
  context.on('page', watchPage);
  if (installs) await onboardingOpened(context, `${extensionOrigin}onboarding/index.html`);

  // An extension page of our own to read storage and the database through: unlike the worker
  // handle, it stays usable when a test stops the service worker.
  let probe: Promise<Page> | undefined;
  let closed = false;
  const extensionPage = async (): Promise<Page> => {
    // An update closes the extension's pages, and a probe page that failed to open is no page:
    // either way the next read opens a new one.
    if (probe && (await probe.catch(() => undefined))?.isClosed() !== false) probe = undefined;
    probe ??= within(SCRIPT_ANSWER_MS, 'a new tab for the probe page', context.newPage()).then(async (page) => {
      await page.goto(`${extensionOrigin}options/index.html`);
      return page;
    });
    return probe;
  };

  /**
   * One request on one of the extension's stores, from an extension page, on the raw IndexedDB
   * API. It never creates the database: on a fresh profile the extension may not have made it yet,
   * and an open without a version would make an empty one that the extension's own open then
   * waits behind. So a missing database is waited for (the Options page the probe shows opens it).
   * No named function inside: tsx (the bench) would wrap it in a helper the page does not have.
   */
  const onStore = async (table: string, action: 'getAll' | 'count' | 'add', value?: unknown): Promise<unknown> => {
    const page = await extensionPage();
    const request = page.evaluate(
      async ([name, act, row]) => {
        const deadline = Date.now() + 20_000;
        for (;;) {
          const db = await new Promise<IDBDatabase | undefined>((resolve, reject) => {
            setTimeout(
              () => reject(new Error(`indexedDB.open('rebound') did not answer in 10 s (${act} ${name})`)),
              10_000,
            );
            const open = indexedDB.open('rebound');
            open.onupgradeneeded = () => open.transaction?.abort();
            open.onerror = (event) => {
              event.preventDefault();
              resolve(undefined);
            };
            open.onsuccess = () => resolve(open.result);
          });
          if (db) {
            try {
              const store = db.transaction(name, act === 'add' ? 'readwrite' : 'readonly').objectStore(name);
              const request = act === 'add' ? store.add(row) : act === 'count' ? store.count() : store.getAll();
              return await new Promise<unknown>((resolve, reject) => {
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
              });
            } finally {
              db.close();
            }
          }
          if (Date.now() > deadline) throw new Error(`no database to ${act} ${name} in`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      [table, action, value] as const,
    );
    return within(30_000, `${action} on the ${table} store, from the probe page`, request);
  };

  /** Runs `fn` in the probe page, bounded: a hang says what it was waiting for. */
  const inProbePage = async <R>(awaited: string, run: (page: Page) => Promise<R>): Promise<R> =>
    within(SCRIPT_ANSWER_MS, awaited, run(await extensionPage()));

  const waitForDetector = async () => {
    await inProbePage('the detector content script to be registered', (page) =>
      page.evaluate(async () => {
        const { scripting } = (globalThis as unknown as ExtensionGlobals).chrome;
        const deadline = Date.now() + 5000;
        while (Date.now() < deadline) {
          const scripts = await scripting.getRegisteredContentScripts();
          if (scripts.length > 0) return;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error('the detector content script was never registered');
      }),
    );
  };

  const openFixture = async (pathAndQuery: string): Promise<Page> => {
    await waitForDetector();
    const page = await context.newPage();
    await page.goto(`${server.url}${pathAndQuery}`);
    return page;
  };

  return {
    context,
    worker,
    extensionId,
    server,
    extensionErrors,
    extensionUrl: (pathname) => `${extensionOrigin}${pathname}`,
    extensionPage,
    waitForDetector,
    async openDemoDialer(query = '') {
      return openFixture(`demo-dialer/index.html${query ? `?${query}` : ''}`);
    },
    openFixture,
    async setSettings(settings) {
      await inProbePage('the settings to be stored', (page) =>
        page.evaluate(
          (value) => (globalThis as unknown as ExtensionGlobals).chrome.storage.local.set({ settings: value }),
          settings,
        ),
      );
    },
    async sessionValue<T>(key: string): Promise<T | undefined> {
      const stored = await inProbePage(`storage.session "${key}"`, (page) =>
        page.evaluate((name) => (globalThis as unknown as ExtensionGlobals).chrome.storage.session.get(name), key),
      );
      return stored[key] as T | undefined;
    },
    async localValue<T>(key: string): Promise<T | undefined> {
      const stored = await inProbePage(`storage.local "${key}"`, (page) =>
        page.evaluate((name) => (globalThis as unknown as ExtensionGlobals).chrome.storage.local.get(name), key),
      );
      return stored[key] as T | undefined;
    },
    async killBrowser() {
      const pid = browserPid(profile);
      const disconnected = new Promise((resolve) => context.once('close', resolve));
      process.kill(pid, 'SIGKILL');
      const deadline = Date.now() + 10_000;
      while (isRunning(pid)) {
        if (Date.now() > deadline) throw new Error(`browser ${pid} still running after SIGKILL`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Playwright sees the connection drop a moment after the process is gone (later on a busy
      // machine); a close() before then would talk to the dead browser and fail.
      await within(SCRIPT_ANSWER_MS, 'Playwright to see the killed browser disconnect', disconnected);
    },
    installAgainFromDisk: installFromDisk,
    async readTable<T>(table: string): Promise<T[]> {
      return (await onStore(table, 'getAll')) as T[];
    },
    async countRows(table) {
      return (await onStore(table, 'count')) as number;
    },
    async stopServiceWorker() {
      const cdp = await context.newCDPSession(await extensionPage());
      const stopped = new Promise<void>((resolve) => {
        cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: Array<{ runningStatus: string }> }) => {
          if (event.versions.length > 0 && event.versions.every((version) => version.runningStatus === 'stopped')) {
            resolve();
          }
        });
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await within(SCRIPT_ANSWER_MS, 'the service worker to report it stopped', stopped);
      await cdp.detach();
    },
    async addRow(table, row) {
      return (await onStore(table, 'add', row)) as number;
    },
    async approveSiteAccess(pattern) {
      const page = await context.newPage();
      await page.goto('chrome://extensions');
      await page.evaluate(
        ([id, host]) =>
          (
            globalThis as unknown as {
              chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
            }
          ).chrome.developerPrivate.addHostPermission(id, host),
        [extensionId, pattern] as const,
      );
      await page.close();
    },
    inWorker: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => {
      const current = context.serviceWorkers().find((w) => w.url().startsWith(extensionOrigin)) ?? worker;
      return within(
        30_000,
        'a script run in the service worker',
        current.evaluate(fn as (arg: unknown) => T | Promise<T>, arg),
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close();
      await server.close();
      if (!profileDir) await rm(profile, { recursive: true, force: true });
    },
  };
}
