/**
 * The popup's first screen comes in one file: its entry imports no other chunk statically (no
 * fetch-then-run waterfall before the first paint) and carries no webextension-polyfill; what
 * can wait stays in chunks of its own, loaded with import().
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPopupPage } from '../../../scripts/build';

let outDir: string;
let entry: string;
let scripts: string[];

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'rebound-popup-'));
  await buildPopupPage(outDir, 'store');
  const html = await readFile(path.join(outDir, 'popup/index.html'), 'utf8');
  scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1] ?? '');
  entry = await readFile(path.join(outDir, 'popup', scripts[0] ?? ''), 'utf8');
}, 60_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe("the popup's first file", () => {
  it('is the one script the page loads, and it imports no other chunk before it runs', () => {
    expect(scripts).toHaveLength(1);
    expect(entry).not.toMatch(/\bfrom\s*["']\.\//);
    expect(entry).not.toMatch(/^import\s*["']\.\//m);
  });

  it('leaves the polyfill out and what waits (Dexie, the routine) to later chunks', () => {
    expect(entry).not.toContain('This script should only be loaded in a browser extension');
    expect(entry).toMatch(/import\(["'`]\.\/schema-[\w-]+\.js["'`]\)/);
    expect(entry).toMatch(/import\(["'`]\.\/Routine-[\w-]+\.js["'`]\)/);
  });
});
