import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isoTimes } from '../../../src/db/export-iso-time';

it('writes what toISOString writes: day edges, leap days, the years it covers and those it leaves to toISOString', () => {
  const iso = isoTimes();
  const edges = [0, 1, 999, 1000, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2000, 0, 1)]
    .concat([Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10_000, 0, 1), Date.UTC(10_001, 0, 2, 3, 4, 5, 6)])
    .concat([-1, -86_400_001, Date.UTC(-5, 0, 1), 1_700_000_000_000.5, 8.64e15]);
  for (const ms of edges) expect(iso(ms)).toBe(new Date(ms).toISOString());
});

it('matches toISOString on any time, in order or not', () => {
  const iso = isoTimes();
  fc.assert(
    fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => iso(ms) === new Date(ms).toISOString()),
    { numRuns: 5000 },
  );
  let ms = Date.UTC(2026, 0, 1);
  for (let step = 0; step < 20_000; step += 1) {
    ms += 37_123 + (step % 7) * 1_000_003;
    expect(iso(ms)).toBe(new Date(ms).toISOString());
  }
});
