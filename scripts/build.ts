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
import { build, type InlineConfig, mergeConfig } from 'vite';
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

/** The test flavours also know the fixture pages that stand in for the DOM-detected dialers and widgets. */
const flavouredFor =
  (flavour: Flavour) =>
  (config: InlineConfig): InlineConfig =>
    mergeConfig(config, { define: { __REBOUND_DEMO__: JSON.stringify(flavour !== 'store') } } satisfies InlineConfig);

/** The scripts that run in every dialer frame: the detector (content.js) and the WebRTC hook (webrtc-hook.js). */
export async function buildFrameScripts(outDir: string, flavour: Flavour): Promise<void> {
  const flavoured = flavouredFor(flavour);
  // The detector uses the browser's own promise API, not the polyfill (see src/platform/native-browser.ts).
  const nativeBrowser = {
    resolve: { alias: { 'webextension-polyfill': path.join(repoRoot, 'src/platform/native-browser.ts') } },
  } satisfies InlineConfig;
  await build(mergeConfig(flavoured(script(outDir, 'src/content/index.ts', 'content.js')), nativeBrowser));
  await build(flavoured(script(outDir, 'src/page/webrtc-hook.ts', 'webrtc-hook.js')));
}

/**
 * The background as a classic script (the manifest declares no module type), strict as the
 * module it was: a cold worker's first answer came sooner than from the ES module build, which
 * was 239 KB with Vite's whitespace against 171 KB (README, Performance).
 */
export async function buildBackground(outDir: string, flavour: Flavour): Promise<void> {
  const strict = { build: { rolldownOptions: { output: { banner: '"use strict";' } } } } satisfies InlineConfig;
  await build(mergeConfig(flavouredFor(flavour)(script(outDir, 'src/background/index.ts', 'background.js')), strict));
}

async function bundle(outDir: string, flavour: Flavour): Promise<void> {
  const flavoured = flavouredFor(flavour);
  await build(
    mergeConfig(flavoured(base(outDir, true)), {
      publicDir: path.join(repoRoot, 'public'),
      build: {
        rolldownOptions: {
          input: {
            popup: path.join(repoRoot, 'src/popup/index.html'),
            options: path.join(repoRoot, 'src/options/index.html'),
            onboarding: path.join(repoRoot, 'src/onboarding/index.html'),
          },
        },
      },
    } satisfies InlineConfig),
  );
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
