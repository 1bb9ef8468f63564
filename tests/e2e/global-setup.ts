import { buildExtension } from '../../scripts/build';
import { findChromium } from '../../scripts/chromium';
import { findFirefox } from '../../scripts/driver/firefox-session';

/**
 * Fails the run up front, with the install hint, when Chromium or Firefox is missing: end-to-end tests are
 * never skipped silently. Then builds the flavours the tests read: the store build (what ships, and
 * the bench's bundle sizes), the demo flavour most load, and the widget-only flavour (one site
 * granted) that widget-in-crm and talk-granted-site load. Built here, once, before any file runs:
 * files run side by side, and a file that rebuilt a folder would pull it from under another's browser.
 */
export default async function setup(): Promise<void> {
  findChromium();
  findFirefox();
  await buildExtension('store');
  await buildExtension('demo');
  await buildExtension('widget-only');
}
