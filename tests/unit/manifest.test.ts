import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Browser, type Flavour, manifestFor } from '../../scripts/manifest';

type Source = Parameters<typeof manifestFor>[0];

const source = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Source;
const BROWSERS: Browser[] = ['chrome', 'firefox'];
const FLAVOURS: Flavour[] = ['store', 'demo'];
const EVERY_BUILD = BROWSERS.flatMap((browser) => FLAVOURS.map((flavour) => [browser, flavour] as const));

/** Every key at any depth. */
function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysDeep(inner)]);
}

const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((inner, key) => (inner as Record<string, unknown> | undefined)?.[key], value);

describe('manifestFor with the real manifest.json', () => {
  it.each(EVERY_BUILD)('%s/%s keeps the shared keys', (browser, flavour) => {
    const manifest = manifestFor(source, browser, flavour);
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.default_locale).toBe('en');
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'alarms', 'notifications']);
    expect(manifest.optional_host_permissions).toEqual(source.optional_host_permissions);
    expect(manifest.optional_host_permissions).toContain('https://app.hubspot.com/*');
    expect(at(manifest, 'action', 'default_popup')).toBe('popup/index.html');
  });

  it.each(FLAVOURS)('chrome/%s runs a classic service worker and has no gecko settings', (flavour) => {
    const manifest = manifestFor(source, 'chrome', flavour);
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(manifest.browser_specific_settings).toBeUndefined();
    expect(keysDeep(manifest)).not.toContain('gecko');
    expect(manifest.minimum_chrome_version).toBe('121');
  });

  it.each(FLAVOURS)('firefox/%s runs background scripts with a gecko id and minimum version', (flavour) => {
    const manifest = manifestFor(source, 'firefox', flavour);
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(keysDeep(manifest)).not.toContain('service_worker');
    expect(at(manifest, 'browser_specific_settings', 'gecko', 'id')).toBe('rebound@rebound.invalid');
    expect(at(manifest, 'browser_specific_settings', 'gecko', 'strict_min_version')).toMatch(/^\d+\.\d+$/);
    expect(manifest.minimum_chrome_version).toBeUndefined();
  });

  it.each(BROWSERS)('%s/store has no host_permissions and no <all_urls> anywhere', (browser) => {
    const manifest = manifestFor(source, browser, 'store');
    expect(manifest.host_permissions).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(JSON.stringify(manifest)).not.toMatch(/\*:\/\/\*\//);
  });

  it.each(BROWSERS)('%s/demo adds exactly the loopback host permissions and grants notifications', (browser) => {
    const store = manifestFor(source, browser, 'store');
    const demo = manifestFor(source, browser, 'demo');
    expect(demo.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    const { host_permissions: _added, ...rest } = demo;
    expect(rest).toEqual(store);
    expect(JSON.stringify(demo)).not.toContain('<all_urls>');
  });

  it.each(BROWSERS)(
    '%s/widget-only grants only the widget origin and lets the page it lives in be asked for',
    (browser) => {
      const store = manifestFor(source, browser, 'store');
      const widgetOnly = manifestFor(source, browser, 'widget-only');
      expect(widgetOnly.host_permissions).toEqual(['http://localhost/*']);
      expect(widgetOnly.optional_host_permissions).toEqual([
        ...(store.optional_host_permissions as string[]),
        'http://127.0.0.1/*',
      ]);
      const { host_permissions: _added, optional_host_permissions: _optional, ...rest } = widgetOnly;
      const { optional_host_permissions: _storeOptional, ...storeRest } = store;
      expect(rest).toEqual(storeRest);
      expect(keysDeep(widgetOnly).filter((key) => key.startsWith('$') || key.endsWith('+'))).toEqual([]);
    },
  );

  it.each(EVERY_BUILD)('%s/%s has no $-prefixed keys at any depth', (browser, flavour) => {
    expect(keysDeep(manifestFor(source, browser, flavour)).filter((key) => key.startsWith('$'))).toEqual([]);
  });

  it('does not change the source manifest', () => {
    const copy = structuredClone(source);
    for (const [browser, flavour] of EVERY_BUILD) manifestFor(source, browser, flavour);
    expect(source).toEqual(copy);
  });
});

describe('manifestFor overlays', () => {
  const synthetic: Source = {
    name: 'x',
    nested: { keep: 1, deeper: { a: 1, list: [1, 2] }, replaced: { object: true } },
    list: ['base'],
    $chrome: {
      nested: { deeper: { b: 2, list: [3] }, replaced: 'scalar', added: true },
      list: ['chrome'],
      onlyChrome: 1,
    },
    $firefox: { onlyFirefox: 1 },
    $demo: { nested: { deeper: { c: 3 } }, list: ['demo'] },
  };

  it('deep-merges objects, replaces arrays and scalars', () => {
    expect(manifestFor(synthetic, 'chrome', 'store')).toEqual({
      name: 'x',
      nested: { keep: 1, deeper: { a: 1, b: 2, list: [3] }, replaced: 'scalar', added: true },
      list: ['chrome'],
      onlyChrome: 1,
    });
  });

  it('applies the flavour after the browser', () => {
    expect(manifestFor(synthetic, 'chrome', 'demo')).toEqual({
      name: 'x',
      nested: { keep: 1, deeper: { a: 1, b: 2, c: 3, list: [3] }, replaced: 'scalar', added: true },
      list: ['demo'],
      onlyChrome: 1,
    });
  });

  it("ignores the other browser's overlay and the demo overlay in store builds", () => {
    expect(manifestFor(synthetic, 'firefox', 'store')).toEqual({
      name: 'x',
      nested: { keep: 1, deeper: { a: 1, list: [1, 2] }, replaced: { object: true } },
      list: ['base'],
      onlyFirefox: 1,
    });
  });

  it('appends a list for a key ending in +', () => {
    expect(manifestFor({ list: ['base'], $demo: { 'list+': ['more'], 'fresh+': ['new'] } }, 'chrome', 'demo')).toEqual({
      list: ['base', 'more'],
      fresh: ['new'],
    });
  });

  it('ignores an overlay that is not an object', () => {
    expect(manifestFor({ name: 'x', $chrome: ['not', 'an', 'object'], $demo: 'nope' }, 'chrome', 'demo')).toEqual({
      name: 'x',
    });
  });
});
