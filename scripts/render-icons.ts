/** Renders assets/icon.svg to the PNG sizes the manifests name (Chrome takes no SVG icons). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './build';
import { findChromium } from './chromium';

const svg = await readFile(path.join(repoRoot, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: path.join(repoRoot, `public/icons/icon-${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
