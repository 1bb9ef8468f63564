import { describe, expect, it } from 'vitest';
import source from '../../../manifest.json';
import { manifestFor } from '../../../scripts/manifest';

describe('manifestFor', () => {
  it('adds an overlay’s list to the base list instead of replacing it', () => {
    const merged = manifestFor(
      { permissions: ['storage'], $demo: { permissions: ['notifications', 'storage'] } },
      'chrome',
      'demo',
    );
    expect(merged.permissions).toEqual(['storage', 'notifications']);
  });

  it('store builds ask for notifications only as an optional permission; the demo build has it granted', () => {
    const store = manifestFor(source, 'chrome', 'store');
    expect(store.permissions).not.toContain('notifications');
    expect(store.optional_permissions).toEqual(['notifications']);
    const demo = manifestFor(source, 'chrome', 'demo');
    expect(demo.permissions).toEqual(expect.arrayContaining([...(store.permissions as string[]), 'notifications']));
  });

  it('declares the three shortcuts for both browsers', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      expect(Object.keys(manifestFor(source, browser, 'store').commands as object).sort()).toEqual([
        '_execute_action',
        'mark-last-tough',
        'quick-reset',
      ]);
    }
  });
});
