import { describe, expect, it } from 'vitest';
import { formatTable, medianRatio } from '../../../scripts/bench/figures';

describe('bench figures', () => {
  it('gives the ratio of medians with a 95% interval around it, the same for the same samples', () => {
    const slower = [110, 112, 108, 115, 111, 109, 113, 110, 150, 90];
    const base = [100, 101, 99, 102, 100, 98, 103, 100, 97, 104];
    const { value, interval } = medianRatio(slower, base);
    expect(value).toBeCloseTo(110 / 100, 5);
    expect(interval[0]).toBeLessThanOrEqual(value);
    expect(interval[1]).toBeGreaterThanOrEqual(value);
    expect(interval[0]).toBeGreaterThan(1);
    expect(medianRatio(slower, base)).toEqual({ value, interval });
  });

  it('leaves an interval that holds 1 when the two sides cannot be told apart', () => {
    const a = [100, 90, 110, 95, 105, 100, 92, 108];
    const b = [101, 91, 109, 96, 104, 99, 93, 107];
    const { interval } = medianRatio(a, b);
    expect(interval[0]).toBeLessThan(1);
    expect(interval[1]).toBeGreaterThan(1);
  });

  it('prints the interval beside the value', () => {
    const table = formatTable([{ group: 'page overhead', name: 'script', value: 1.1, unit: '×', interval: [1, 1.25] }]);
    expect(table).toContain('1.100 (1.000–1.250)');
  });
});
