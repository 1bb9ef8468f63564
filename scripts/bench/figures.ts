/** One measured figure. Benchmarks report figures; they never assert thresholds. */
export interface Figure {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** What the figure is compared against, when it has a budget or target. */
  target?: Target;
  /** A 95% interval around `value`, for figures the machine's noise can move. */
  interval?: readonly [number, number];
}

/**
 * A budget or target: the figure (for a ratio, the median of its rounds) at most `atMost`, and,
 * for a figure with an interval, the interval's upper end at most `upperEndAtMost`. Issue 15's
 * targets are met by a quiet run; a busy run is judged the same way, to be read beside it.
 */
export interface Target {
  atMost: number;
  upperEndAtMost?: number;
}

const formatLimit = (limit: number, unit: string) =>
  unit === '×' ? `${limit.toFixed(2)}×` : `${limit.toLocaleString('en-US')} ${unit}`;

export function targetText({ atMost, upperEndAtMost }: Target, unit: string): string {
  const upperEnd = upperEndAtMost === undefined ? '' : `, upper end ≤ ${formatLimit(upperEndAtMost, unit)}`;
  return `≤ ${formatLimit(atMost, unit)}${upperEnd}`;
}

/** One figure against its target. */
export interface Verdict {
  figure: string;
  value: number;
  target: string;
  met: boolean;
}

/** Every figure that has a target, met or not (a missing upper end is not met). */
export function verdicts(figures: readonly Figure[]): Verdict[] {
  return figures.flatMap(({ group, name, value, unit, target, interval }) => {
    if (!target) return [];
    const upperEnd = interval?.[1];
    const upperMet =
      target.upperEndAtMost === undefined || (upperEnd !== undefined && upperEnd <= target.upperEndAtMost);
    return [
      { figure: `${group}: ${name}`, value, target: targetText(target, unit), met: value <= target.atMost && upperMet },
    ];
  });
}

/** "Targets: 12 of 14 met", then a line a target (✓ met, ✗ missed). */
export function formatVerdicts(list: readonly Verdict[]): string {
  const met = list.filter((verdict) => verdict.met).length;
  const lines = list.map(
    ({ figure, value, target, met }) => `${met ? '✓' : '✗'} ${figure}: ${Number(value.toFixed(3))} (${target})`,
  );
  return [`Targets: ${met} of ${list.length} met`, ...lines].join('\n');
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
export function latencyFigures(group: string, name: string, samples: readonly number[], target?: Target): Figure[] {
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
 * Paired samples (round i of each side taken over the same window): the median of the rounds'
 * ratios, with a 95% bootstrap interval. Pairing cancels what the machine did in each round,
 * which a ratio of two medians leaves in both. Rounds come in blocks of `block` consecutive
 * rounds (each block on freshly opened pages, whose processes land where the scheduler puts
 * them): the bootstrap resamples whole blocks, so what sets one block apart widens the interval
 * instead of passing for a difference between the sides.
 */
export function pairedRatio(
  numerator: readonly number[],
  denominator: readonly number[],
  { block = 1, resamples = 2000 }: { block?: number; resamples?: number } = {},
): { value: number; interval: [number, number] } {
  if (numerator.length !== denominator.length || numerator.length === 0)
    throw new Error('paired ratio of unpaired samples');
  const ratios = numerator.map((top, round) => top / Math.max(1e-9, denominator[round] ?? 0));
  const blocks = Array.from({ length: Math.ceil(ratios.length / block) }, (_, index) =>
    ratios.slice(index * block, (index + 1) * block),
  );
  const random = seededRandom(ratios.length * 7919 + blocks.length);
  const medians = Array.from({ length: resamples }, () =>
    median(blocks.flatMap(() => blocks[Math.floor(random() * blocks.length)] ?? [])),
  );
  return { value: median(ratios), interval: [percentile(medians, 2.5), percentile(medians, 97.5)] };
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
    figure.target ? targetText(figure.target, figure.unit) : '',
  ]);
  const header = ['group', 'figure', 'value', 'unit', 'target'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
