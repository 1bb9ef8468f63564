/** One measured figure. Benchmarks report figures; they never assert thresholds. */
export interface Figure {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** What the figure is compared against, when it has a budget or target. */
  target?: string;
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

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.group,
    figure.name,
    Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(figure.unit === '×' ? 3 : 1),
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
