/**
 * What ships: the built bundles and manifests (the e2e global setup has just built them).
 * No eval, no remote code, no raw HTML writes, a strict CSP, and no site access at install in the
 * store flavour.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir } from '../../scripts/build';
import { NUDGE_OUTCOMES_KEY } from '../../src/background/nudge-outcomes';

const BROWSERS = ['chrome', 'firefox'] as const;
/** The handle the end-to-end tests press the keyboard commands through (src/background/index.ts). */
const TEST_COMMAND = '__reboundTestOnlyCommand';

function scriptsIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => path.join(dir, file));
}

describe.each(BROWSERS)('the %s store build', (browser) => {
  const dir = () => distDir(browser, 'store');
  const manifest = () => JSON.parse(readFileSync(path.join(dir(), 'manifest.json'), 'utf8'));

  it('asks for no site access at install, and never for all sites', () => {
    const text = JSON.stringify(manifest());
    expect(manifest().host_permissions).toBeUndefined();
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toMatch(/"\*:\/\/\*\//);
    expect(manifest().optional_host_permissions.length).toBeGreaterThan(0);
  });

  it('has a CSP that allows only its own scripts', () => {
    const csp: string = manifest().content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });

  it('contains no eval, no Function constructor, no remote script and no raw HTML write', () => {
    const scripts = scriptsIn(dir());
    expect(scripts.length).toBeGreaterThan(2);
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\beval\(|new Function\(|importScripts\(/);
      expect(code, file).not.toMatch(/import\(\s*["'`]https?:/);
      expect(code, file).not.toMatch(/\.(inner|outer)HTML\s*=[^=]|insertAdjacentHTML|document\.write/);
    }
    for (const html of readdirSync(dir(), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
      expect(readFileSync(path.join(dir(), html), 'utf8')).not.toMatch(/<script[^>]+src="https?:/);
    }
  });

  it('keeps no record of nudge outcomes: only the demo/test flavour has it, for the end-to-end tests', () => {
    expect(readFileSync(path.join(distDir(browser, 'demo'), 'background.js'), 'utf8')).toContain(NUDGE_OUTCOMES_KEY);
    expect(readFileSync(path.join(dir(), 'background.js'), 'utf8')).not.toContain(NUDGE_OUTCOMES_KEY);
  });

  it('gives the worker no test-only command handle: only the demo/test flavour has it', () => {
    expect(readFileSync(path.join(distDir(browser, 'demo'), 'background.js'), 'utf8')).toContain(TEST_COMMAND);
    expect(readFileSync(path.join(dir(), 'background.js'), 'utf8')).not.toContain(TEST_COMMAND);
  });
});
