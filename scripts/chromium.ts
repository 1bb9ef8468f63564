import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-for-testing',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const INSTALL_HINT =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH ' +
  'to a Chromium or Chrome for Testing binary. Branded Google Chrome ignores --load-extension.';

/** CHROME_PATH, else the usual places. Throws with an install hint when none exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist. ${INSTALL_HINT}`);
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}
