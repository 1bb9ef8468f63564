/**
 * Issue 15, cold start: the worker is one classic, fully minified script (a cold worker answered
 * sooner than from the ES module build), as strict as the module it was written as, and without
 * the polyfill.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBackground } from '../../../scripts/build';

let outDir: string;
let background: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'rebound-background-'));
  await buildBackground(outDir, 'store');
  background = await readFile(path.join(outDir, 'background.js'), 'utf8');
}, 60_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('the background script', () => {
  it('is strict from its first line', () => {
    expect(background.startsWith('"use strict";')).toBe(true);
  });

  it('is a classic script: no import or export at its top level', () => {
    expect(background).not.toMatch(/^\s*(import|export)\s/m);
    expect(() => new Function(background)).not.toThrow();
  });

  it('runs on the browser’s own API: no webextension-polyfill to evaluate on a cold start', () => {
    expect(background).not.toContain('webextension-polyfill');
  });

  it('is minified, whitespace included', () => {
    const lines = background.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeLessThan(20);
  });
});
