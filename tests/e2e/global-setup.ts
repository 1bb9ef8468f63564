import { buildExtension } from '../../scripts/build';
import { findChromium } from '../../scripts/chromium';
import { findFirefox } from '../../scripts/driver/firefox-session';

/**
 * Fails the run up front, with the install hint, when Chromium or Firefox is missing: end-to-end tests are
 * never skipped silently. Then builds the demo flavour the tests load.
 */
export default async function setup(): Promise<void> {
  findChromium();
  findFirefox();
  await buildExtension('demo');
}
