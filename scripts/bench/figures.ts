/** One measured figure. Benchmarks report figures; they never assert thresholds. */
export interface Figure {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** What the figure is compared against, when it has a budget or target. */
  target?: string;
  /** A 95% interval around `value`, for figures the machine's noise can move. */
  interval?: readonly [number, number];
}

/** Nearest-rank percentile of a non-empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** p50 / p95 / max of a latency sample, as figures. */
export function latencyFigures(group: string, name: string, samples: readonly number[], target?: string): Figure[] {
  return [
    { group, name: `${name} p50`, value: percentile(samples, 50), unit: 'ms' },
    { group, name: `${name} p95`, value: percentile(samples, 95), unit: 'ms', target },
    { group, name: `${name} max`, value: Math.max(...samples), unit: 'ms' },
  ];
}

/** A small seeded generator (mulberry32): the same samples give the same interval. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * The ratio of two samples' medians, with a 95% bootstrap interval: each sample resampled with
 * replacement, the ratio taken each time, the middle 95% of those ratios kept. An interval that
 * holds the target cannot tell the two apart on this machine.
 */
export function medianRatio(
  numerator: readonly number[],
  denominator: readonly number[],
  resamples = 2000,
): { value: number; interval: [number, number] } {
  const ratio = (top: readonly number[], bottom: readonly number[]) => median(top) / Math.max(1e-9, median(bottom));
  const random = seededRandom(numerator.length * 7919 + denominator.length);
  const resample = (values: readonly number[]) => values.map(() => values[Math.floor(random() * values.length)] ?? 0);
  const ratios = Array.from({ length: resamples }, () => ratio(resample(numerator), resample(denominator)));
  return { value: ratio(numerator, denominator), interval: [percentile(ratios, 2.5), percentile(ratios, 97.5)] };
}

const formatValue = (value: number, unit: string) => {
  if (unit === '×') return value.toFixed(3);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
};

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.group,
    figure.name,
    figure.interval
      ? `${formatValue(figure.value, figure.unit)} (${figure.interval.map((end) => formatValue(end, figure.unit)).join('–')})`
      : formatValue(figure.value, figure.unit),
    figure.unit,
    figure.target ?? '',
  ]);
  const header = ['group', 'figure', 'value', 'unit', 'target'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
