import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { manifestFor } from '../../../scripts/manifest';
import { DIALERS } from '../../../src/dialers/catalog';
import { MANAGED_SETTINGS } from '../../../src/settings/managed-settings';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8'));
const schema = read('public/managed-schema.json');

it('Chrome builds point storage.managed at the schema; Firefox needs none (policies.json "3rdparty")', () => {
  const source = read('manifest.json');
  for (const flavour of ['store', 'demo'] as const) {
    expect(manifestFor(source, 'chrome', flavour).storage).toEqual({ managed_schema: 'managed-schema.json' });
    expect(manifestFor(source, 'firefox', flavour).storage).toBeUndefined();
  }
});

it('the schema names exactly what the policy reader takes, and every dialer family an admin can turn on', () => {
  expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_SETTINGS, 'dialers', 'customSites'].sort());
  expect(schema.properties.dialers.items.enum).toEqual(
    DIALERS.filter((dialer) => dialer.hosts.length > 0).map((dialer) => dialer.id),
  );
});
