import { buildExtension } from '../../scripts/build';
import { findChromium } from '../../scripts/chromium';

/**
 * Fails the run up front, with the install hint, when no Chromium exists: end-to-end tests are
 * never skipped silently. Then builds the demo flavour the tests load.
 */
export default async function setup(): Promise<void> {
  findChromium();
  await buildExtension('demo');
}
