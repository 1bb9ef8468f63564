/** `npm start` without a display: the README's first command plays the whole demo headless. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { headlessDemo } from '../../scripts/start';

it('plays the headless demo and saves a screenshot of every step', async () => {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'rebound-demo-'));
  try {
    const shots = await headlessDemo(outDir);
    expect(shots.map((shot) => path.basename(shot))).toEqual([
      '01-dialer-ready.png',
      '02-on-call.png',
      '03-call-ended-toast.png',
      '04-rated-tough.png',
      '05-reset-breathing.png',
      '06-reset-throw-it-away.png',
      '07-reset-ready.png',
      '08-popup-after-reset.png',
      '09-options-history.png',
      '10-options-insights.png',
      '11-options-follow-ups.png',
    ]);
    for (const shot of shots) {
      const png = await readFile(shot);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}, 120_000);
