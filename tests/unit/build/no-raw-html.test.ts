import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withoutRawHtml } from '../../../scripts/no-raw-html';

/** The file the build's Preact resolves to; the plugin only touches this one. */
const preactBundle = createRequire(import.meta.url).resolve('preact');

describe('the no-raw-html build step', () => {
  it('removes the one innerHTML write from the Preact the build bundles', () => {
    expect(preactBundle).toMatch(/[\\/]preact[\\/]dist[\\/]preact\.mjs$/);
    const source = readFileSync(preactBundle, 'utf8');
    expect(source).toMatch(/\.innerHTML=\w+\.__html/);
    const safe = withoutRawHtml(source);
    expect(safe).not.toMatch(/\.innerHTML\s*=/);
    expect(safe).toContain('Rebound renders no raw HTML');
  });

  it('fails the build when Preact no longer matches, instead of shipping the write unnoticed', () => {
    expect(() => withoutRawHtml('t.innerHTML = h.html')).toThrow(/found 0/);
    expect(() => withoutRawHtml('a.innerHTML=b.__html;c.innerHTML=d.__html')).toThrow(/found 2/);
  });
});
