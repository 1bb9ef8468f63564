/**
 * `npm run package`: store builds zipped as dist/rebound-chrome.zip and dist/rebound-firefox.zip.
 * Entries are sorted and stamped with one fixed time, so a commit always gives the same bytes.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Zippable, zipSync } from 'fflate';
import { buildExtension, distDir, repoRoot } from './build';

const FIXED_MTIME = new Date('2026-01-01T00:00:00Z');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

await buildExtension('store');
for (const browser of ['chrome', 'firefox'] as const) {
  const dir = distDir(browser, 'store');
  const zippable: Zippable = {};
  for (const file of await filesUnder(dir)) {
    zippable[file] = [await readFile(path.join(dir, file)), { mtime: FIXED_MTIME, level: 9 }];
  }
  const out = path.join(repoRoot, 'dist', `rebound-${browser}.zip`);
  await writeFile(out, zipSync(zippable));
  console.log(`${path.relative(repoRoot, out)}`);
}
