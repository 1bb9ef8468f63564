/**
 * Packed history reads exactly as rows: random histories are imported twice, as rows and packed,
 * and every reader answers the same on both.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyShape, type Twins, twinHistories } from './equivalent-histories';
import { READERS } from './readers';

const HISTORIES = 14;
let twins: Twins[] = [];

beforeAll(async () => {
  const shapes = fc.sample(historyShape, { numRuns: HISTORIES, seed: 1515 });
  twins = await Promise.all(shapes.map((shape) => twinHistories(shape)));
}, 60_000);

afterAll(async () => {
  await Promise.all(twins.flatMap(({ rows, packed }) => [rows.delete(), packed.delete()]));
});

describe('packed and row histories answer alike', () => {
  it('the packed import stored packs, not rows', async () => {
    for (const { rows, packed } of twins) {
      const packs = await packed.callPacks.toArray();
      const packedCalls = packs.reduce((sum, pack) => sum + pack.rows.length, 0);
      expect(packedCalls).toBeGreaterThan(0);
      expect(packedCalls + (await packed.calls.count())).toBe(await rows.calls.count());
    }
  });

  it.each(Object.keys(READERS))('%s', async (name) => {
    const read = READERS[name] as (typeof READERS)[string];
    for (const { rows, packed, document } of twins) {
      expect(await read(packed, document)).toEqual(await read(rows, document));
    }
  });
});
