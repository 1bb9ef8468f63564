import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { bundleSizes } from '../../../scripts/bench/bundle-sizes';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

const kb = (n: number) => 'x'.repeat(n * 1024);

it('counts every script a page loads by itself, and the chunks each imports, once', async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rebound-bundle-'));
  await mkdir(path.join(dir, 'popup'));
  await mkdir(path.join(dir, 'options'));
  await mkdir(path.join(dir, 'assets'));
  for (const file of ['content.js', 'webrtc-hook.js', 'toast.js', 'background.js']) {
    await writeFile(path.join(dir, file), '');
  }
  await writeFile(
    path.join(dir, 'popup/index.html'),
    '<script src="./warm-up.js"></script><script type="module" src="../assets/popup.js"></script>',
  );
  await writeFile(path.join(dir, 'popup/warm-up.js'), kb(1));
  await writeFile(path.join(dir, 'assets/popup.js'), `import "./shared.js";${kb(2)}`);
  await writeFile(path.join(dir, 'assets/shared.js'), kb(4));
  await writeFile(path.join(dir, 'options/index.html'), '<script type="module" src="../assets/options.js"></script>');
  await writeFile(path.join(dir, 'assets/options.js'), `import "./shared.js";${kb(8)}`);

  const raw = Object.fromEntries(
    (await bundleSizes(dir)).filter((figure) => figure.name.endsWith(' raw')).map((f) => [f.name, f.value]),
  );
  expect(raw['popup raw']).toBe(7);
  expect(raw['options raw']).toBe(12);
});
