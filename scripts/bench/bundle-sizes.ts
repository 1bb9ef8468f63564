/** Raw and gzip size of each entry point, with the chunks it imports. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure, Target } from './figures';

const IMPORT = /(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g;

async function withImports(dir: string, file: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = await readFile(path.join(dir, file), 'utf8');
  for (const match of code.matchAll(IMPORT)) {
    await withImports(dir, path.join(path.dirname(file), match[1] ?? ''), seen);
  }
  return seen;
}

/** Every script the page loads by itself (the popup has a classic warm-up script before its module). */
async function pageScripts(dir: string, html: string): Promise<string[]> {
  const source = await readFile(path.join(dir, html), 'utf8');
  const srcs = [...source.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1] ?? '');
  if (srcs.length === 0) throw new Error(`no script in ${html}`);
  return srcs.map((src) => path.normalize(path.join(path.dirname(html), src)));
}

export async function bundleSizes(dir: string): Promise<Figure[]> {
  const entries: Array<[string, string[], Target | undefined]> = [
    ['content script', ['content.js'], { atMost: 10 }],
    ['WebRTC hook (page world)', ['webrtc-hook.js'], { atMost: 2 }],
    ['toast (injected where a call starts)', ['toast.js'], undefined],
    ['background', ['background.js'], undefined],
    ['popup', await pageScripts(dir, 'popup/index.html'), undefined],
    ['options', await pageScripts(dir, 'options/index.html'), undefined],
  ];
  const figures: Figure[] = [];
  for (const [name, scripts, budget] of entries) {
    const files = new Set<string>();
    for (const script of scripts) await withImports(dir, script, files);
    const bytes = Buffer.concat(await Promise.all([...files].map((file) => readFile(path.join(dir, file)))));
    figures.push({ group: 'bundle', name: `${name} raw`, value: +(bytes.length / 1024).toFixed(1), unit: 'KB' });
    figures.push({
      group: 'bundle',
      name: `${name} gzip`,
      value: +(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1),
      unit: 'KB',
      target: budget,
    });
  }
  return figures;
}
