/**
 * Every dialer frame carries the detector and the WebRTC hook: their gzip budgets (README,
 * DESIGN §8) are enforced here, on the store build of just those two scripts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFrameScripts } from '../../../scripts/build';

let outDir: string;
const gzipKb = async (file: string) => gzipSync(await readFile(path.join(outDir, file)), { level: 9 }).length / 1024;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'rebound-budget-'));
  await buildFrameScripts(outDir, 'store');
}, 60_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('what every dialer frame carries', () => {
  it('keeps the detector (content.js) within 10 KB gzip', async () => {
    expect(await gzipKb('content.js')).toBeLessThanOrEqual(10);
  });

  it('keeps the WebRTC hook within 2 KB gzip', async () => {
    expect(await gzipKb('webrtc-hook.js')).toBeLessThanOrEqual(2);
  });

  it('leaves the dialer catalog, the talk code and the polyfill out of the detector', async () => {
    const detector = await readFile(path.join(outDir, 'content.js'), 'utf8');
    expect(detector).not.toContain('HubSpot calling');
    expect(detector).not.toContain('loudMoments');
    expect(detector).not.toContain('webextension-polyfill');
  });
});
