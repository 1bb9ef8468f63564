/**
 * The popup's first screen comes in one file: its entry imports no other chunk statically (no
 * fetch-then-run waterfall before the first paint) and carries no webextension-polyfill; what
 * can wait stays in chunks of its own, loaded with import(). Ahead of it, the database warm-up
 * runs as a classic script while the page is parsed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPopupPage } from '../../../scripts/build';

let outDir: string;
let entry: string;
let scripts: string[];
let html: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'rebound-popup-'));
  await buildPopupPage(outDir, 'store');
  html = await readFile(path.join(outDir, 'popup/index.html'), 'utf8');
  scripts = [...html.matchAll(/<script type="module"[^>]+src="([^"]+)"/g)].map((match) => match[1] ?? '');
  entry = await readFile(path.join(outDir, 'popup', scripts[0] ?? ''), 'utf8');
}, 60_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe("the popup's first file", () => {
  it('is the one module the page loads, and it imports no other chunk before it runs', () => {
    expect(scripts).toHaveLength(1);
    expect(entry).not.toMatch(/\bfrom\s*["']\.\//);
    expect(entry).not.toMatch(/^import\s*["']\.\//m);
  });

  it('comes after the classic warm-up script, which opens the database and imports nothing', async () => {
    expect(html.indexOf('<script src="./warm-up.js"></script>')).toBeGreaterThan(-1);
    expect(html.indexOf('<script src="./warm-up.js"></script>')).toBeLessThan(html.indexOf('<script type="module"'));
    const warmUp = await readFile(path.join(outDir, 'popup/warm-up.js'), 'utf8');
    expect(warmUp).toContain('indexedDB');
    expect(warmUp).not.toMatch(/\bimport\b/);
  });

  it('leaves the polyfill out and what waits (Dexie, the routine) to later chunks', () => {
    expect(entry).not.toContain('This script should only be loaded in a browser extension');
    // Dexie's own error names: a static import of any module that imports Dexie (a write the
    // routine makes, say) puts its 95 KB back into the first file.
    expect(entry).not.toMatch(/MissingAPI|DatabaseClosed/);
    expect(entry).toMatch(/import\(["'`]\.\/schema-[\w-]+\.js["'`]\)/);
    expect(entry).toMatch(/import\(["'`]\.\/Routine-[\w-]+\.js["'`]\)/);
  });
});
