/**
 * Builds the extension: one set of bundles, copied into a folder per browser, each with its own
 * manifest. `--demo` builds the demo/test flavour (grants loopback hosts) into dist/demo/;
 * `--widget-only` the flavour that grants only a widget's origin (localhost) into dist/widget-only/.
 *   dist/chrome, dist/firefox            the store flavour
 *   dist/demo/chrome, dist/demo/firefox  the demo flavour (npm start, end-to-end tests)
 *   dist/widget-only/chrome, …/firefox   the widget-only flavour (the widget-in-a-CRM e2e test)
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig, mergeConfig, type Plugin } from 'vite';
import { type Browser, type Flavour, manifestFor } from './manifest';
import { noRawHtml } from './no-raw-html';
import { sharedViteConfig } from './vite-shared';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BROWSERS: readonly Browser[] = ['chrome', 'firefox'];

export function distDir(browser: Browser, flavour: Flavour): string {
  return flavour === 'store' ? path.join(repoRoot, 'dist', browser) : path.join(repoRoot, 'dist', flavour, browser);
}

const base = (outDir: string, emptyOutDir: boolean): InlineConfig =>
  mergeConfig(sharedViteConfig, {
    configFile: false,
    root: path.join(repoRoot, 'src'),
    base: './',
    publicDir: false,
    logLevel: 'warn',
    plugins: [noRawHtml()],
    build: { outDir, emptyOutDir, target: 'es2022', minify: true, sourcemap: false, modulePreload: false },
  } satisfies InlineConfig);

/**
 * A single self-contained classic script: no imports at run time (content scripts must be
 * classic), and fully minified (Vite leaves an ES library's whitespace in).
 */
const script = (outDir: string, entry: string, file: string): InlineConfig =>
  mergeConfig(base(outDir, false), {
    build: {
      lib: { entry: path.join(repoRoot, entry), formats: ['iife'], name: 'rebound', fileName: () => file },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  } satisfies InlineConfig);

const POPUP_WARM_UP = 'popup/warm-up.js';

/**
 * Puts the popup's warm-up script (src/popup/warm-up.ts) ahead of its module: a classic script
 * runs as the HTML is parsed, before the module is fetched. Vite bundles module scripts only, so
 * the tag goes in once the page is built, and the script is built on its own.
 */
function popupWarmUpTag(): Plugin {
  return {
    name: 'rebound:popup-warm-up',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const module = '<script type="module"';
        if (!html.includes(module)) throw new Error('popup-warm-up: no module script in the popup page');
        return html.replace(module, `<script src="./${path.basename(POPUP_WARM_UP)}"></script>\n    ${module}`);
      },
    },
  };
}

/**
 * The popup, built on its own and its first screen in one file. Built with Options and
 * onboarding, the code the three share went into shared chunks, and the popup's entry fetched
 * and ran them one import after another before its first paint; alone, Rolldown still put what
 * the entry shares with its lazy chunks (Preact, the polyfill) in chunks of their own. The
 * `$initial` group keeps every module the entry imports statically in the entry file; only what
 * waits (the routine, the log-call form, Dexie, the settings) is in chunks loaded later.
 */
const popupPage = (outDir: string): InlineConfig =>
  mergeConfig(mergeConfig(base(outDir, false), nativeBrowser()), {
    plugins: [popupWarmUpTag()],
    build: {
      rolldownOptions: {
        input: { popup: path.join(repoRoot, 'src/popup/index.html') },
        output: { codeSplitting: { groups: [{ name: 'popup', tags: ['$initial'] }] } },
      },
    },
  } satisfies InlineConfig);

/** The browser's own promise API instead of the polyfill (see src/platform/native-browser.ts). */
const nativeBrowser = (): InlineConfig => ({
  resolve: { alias: { 'webextension-polyfill': path.join(repoRoot, 'src/platform/native-browser.ts') } },
});

/** The test flavours also know the fixture pages that stand in for the DOM-detected dialers and widgets. */
const flavouredFor =
  (flavour: Flavour) =>
  (config: InlineConfig): InlineConfig =>
    mergeConfig(config, { define: { __REBOUND_DEMO__: JSON.stringify(flavour !== 'store') } } satisfies InlineConfig);

/** The scripts that run in every dialer frame: the detector (content.js) and the WebRTC hook (webrtc-hook.js). */
export async function buildFrameScripts(outDir: string, flavour: Flavour): Promise<void> {
  const flavoured = flavouredFor(flavour);
  await build(mergeConfig(flavoured(script(outDir, 'src/content/index.ts', 'content.js')), nativeBrowser()));
  await build(flavoured(script(outDir, 'src/page/webrtc-hook.ts', 'webrtc-hook.js')));
}

/**
 * The background as a classic script (the manifest declares no module type), strict as the
 * module it was: a cold worker's first answer came sooner than from the ES module build, which
 * was 239 KB with Vite's whitespace against 171 KB (README, Performance). It runs on the
 * browser's own promise API, like the detector and the popup: the polyfill's set-up was part of
 * every cold start, and Firefox's `browser` is what the polyfill handed it anyway.
 */
export async function buildBackground(outDir: string, flavour: Flavour): Promise<void> {
  const strict = { build: { rolldownOptions: { output: { banner: '"use strict";' } } } } satisfies InlineConfig;
  const worker = flavouredFor(flavour)(script(outDir, 'src/background/index.ts', 'background.js'));
  await build(mergeConfig(mergeConfig(worker, strict), nativeBrowser()));
}

/** The popup page alone (popup/index.html, its assets and its warm-up script), as `bundle` builds it. */
export async function buildPopupPage(outDir: string, flavour: Flavour): Promise<void> {
  // The popup's first screen runs on the browser's own API too: it answers no message with a promise.
  await build(flavouredFor(flavour)(popupPage(outDir)));
  await build(script(outDir, 'src/popup/warm-up.ts', POPUP_WARM_UP));
}

async function bundle(outDir: string, flavour: Flavour): Promise<void> {
  const flavoured = flavouredFor(flavour);
  await build(
    mergeConfig(flavoured(base(outDir, true)), {
      publicDir: path.join(repoRoot, 'public'),
      build: {
        rolldownOptions: {
          input: {
            options: path.join(repoRoot, 'src/options/index.html'),
            onboarding: path.join(repoRoot, 'src/onboarding/index.html'),
          },
        },
      },
    } satisfies InlineConfig),
  );
  await buildPopupPage(outDir, flavour);
  await buildBackground(outDir, flavour);
  await buildFrameScripts(outDir, flavour);
  await build(flavoured(script(outDir, 'src/content/toast/index.ts', 'toast.js')));
  await build(flavoured(script(outDir, 'src/content/talk/index.ts', 'talk.js')));
  await build(flavoured(script(outDir, 'src/page/message-prefilter-entry.ts', 'message-prefilter.js')));
}

export async function buildExtension(flavour: Flavour): Promise<void> {
  const source = JSON.parse(await readFile(path.join(repoRoot, 'manifest.json'), 'utf8'));
  const [first, ...rest] = BROWSERS.map((browser) => ({ browser, dir: distDir(browser, flavour) }));
  if (!first) return;
  await bundle(first.dir, flavour);
  for (const { dir } of rest) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(path.dirname(dir), { recursive: true });
    await cp(first.dir, dir, { recursive: true });
  }
  for (const { browser, dir } of [first, ...rest]) {
    const manifest = manifestFor(source, browser, flavour);
    await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flavour: Flavour = process.argv.includes('--demo')
    ? 'demo'
    : process.argv.includes('--widget-only')
      ? 'widget-only'
      : 'store';
  const started = performance.now();
  await buildExtension(flavour);
  const dirs = BROWSERS.map((browser) => path.relative(repoRoot, distDir(browser, flavour)));
  console.log(`Built ${flavour} flavour in ${Math.round(performance.now() - started)} ms: ${dirs.join(', ')}`);
}
