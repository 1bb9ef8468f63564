import { describe, expect, it } from 'vitest';
import { formatTable, formatVerdicts, pairedRatio, verdicts } from '../../../scripts/bench/figures';

describe('bench figures', () => {
  it("gives the median of the rounds' ratios with a 95% interval around it, the same for the same samples", () => {
    const base = [100, 101, 99, 102, 100, 98, 103, 100, 97, 104];
    const slower = base.map((value, round) => value * (1.1 + (round % 3) * 0.01));
    const { value, interval } = pairedRatio(slower, base);
    expect(value).toBeCloseTo(1.11, 5);
    expect(interval[0]).toBeLessThanOrEqual(value);
    expect(interval[1]).toBeGreaterThanOrEqual(value);
    expect(interval[0]).toBeGreaterThan(1);
    expect(pairedRatio(slower, base)).toEqual({ value, interval });
  });

  it('cancels what a round did to both sides: a machine that slows down and speeds up moves neither', () => {
    const machine = [1, 3, 0.5, 2, 1.2, 4, 0.8, 1.5];
    const { value, interval } = pairedRatio(
      machine.map((load) => 105 * load),
      machine.map((load) => 100 * load),
    );
    expect(value).toBeCloseTo(1.05, 5);
    expect(interval).toEqual([value, value]);
  });

  it('leaves an interval that holds 1 when the two sides cannot be told apart', () => {
    const a = [100, 90, 110, 95, 105, 100, 92, 108];
    const b = [101, 91, 109, 96, 104, 99, 93, 107];
    const { interval } = pairedRatio(a, b);
    expect(interval[0]).toBeLessThan(1);
    expect(interval[1]).toBeGreaterThan(1);
  });

  it('resamples whole blocks: what sets blocks apart widens the interval', () => {
    // Six blocks of four rounds, each block at a level of its own, flat inside.
    const base = Array.from({ length: 24 }, () => 100);
    const shifted = base.map((value, round) => value * (1 + Math.floor(round / 4) * 0.02));
    const width = ({ interval }: { interval: [number, number] }) => interval[1] - interval[0];
    const byRound = pairedRatio(shifted, base);
    const byBlock = pairedRatio(shifted, base, { block: 4 });
    expect(byBlock.value).toBe(byRound.value);
    expect(width(byBlock)).toBeGreaterThan(width(byRound));
  });

  it('refuses samples that are not paired round by round', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow();
  });

  it('prints the interval beside the value', () => {
    const table = formatTable([{ group: 'page overhead', name: 'script', value: 1.1, unit: '×', interval: [1, 1.25] }]);
    expect(table).toContain('1.100 (1.000–1.250)');
  });

  it('prints a target in the unit of its figure', () => {
    const table = formatTable([
      { group: 'worker', name: 'cold p95', value: 40, unit: 'ms', target: { atMost: 50 } },
      { group: 'import', name: 'done', value: 1500, unit: 'ms', target: { atMost: 5000 } },
      {
        group: 'page',
        name: 'script',
        value: 1.03,
        unit: '×',
        interval: [1, 1.06],
        target: { atMost: 1.02, upperEndAtMost: 1.05 },
      },
    ]);
    expect(table).toContain('≤ 50 ms');
    expect(table).toContain('≤ 5,000 ms');
    expect(table).toContain('≤ 1.02×, upper end ≤ 1.05×');
  });

  it('judges each figure that has a target, a ratio by its median and its upper end both', () => {
    const ratio = { group: 'page', unit: '×', target: { atMost: 1.02, upperEndAtMost: 1.05 } };
    const list = verdicts([
      { group: 'worker', name: 'cold p95', value: 50, unit: 'ms', target: { atMost: 50 } },
      { group: 'worker', name: 'warm p95', value: 50.1, unit: 'ms', target: { atMost: 50 } },
      { group: 'worker', name: 'heap', value: 9, unit: 'MB' },
      { ...ratio, name: 'within', value: 1.01, interval: [0.99, 1.04] },
      { ...ratio, name: 'wide', value: 1.01, interval: [0.99, 1.06] },
      { ...ratio, name: 'no interval', value: 1.01 },
    ]);
    expect(list.map(({ figure, met }) => [figure, met])).toEqual([
      ['worker: cold p95', true],
      ['worker: warm p95', false],
      ['page: within', true],
      ['page: wide', false],
      ['page: no interval', false],
    ]);
    expect(formatVerdicts(list).split('\n')).toEqual([
      'Targets: 2 of 5 met',
      '✓ worker: cold p95: 50 (≤ 50 ms)',
      '✗ worker: warm p95: 50.1 (≤ 50 ms)',
      '✓ page: within: 1.01 (≤ 1.02×, upper end ≤ 1.05×)',
      '✗ page: wide: 1.01 (≤ 1.02×, upper end ≤ 1.05×)',
      '✗ page: no interval: 1.01 (≤ 1.02×, upper end ≤ 1.05×)',
    ]);
  });
});
