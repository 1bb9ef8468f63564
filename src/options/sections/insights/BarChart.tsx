import { formatCount } from '../../../format/figures';

interface BarChartProps {
  title: string;
  /** Header of the label column in the table alternative. */
  labelHeading: string;
  valueHeading: string;
  labels: string[];
  values: number[];
  /** Show every nth label under the bars (all of them stay in the table). */
  labelEvery?: number;
}

const WIDTH = 480;
const HEIGHT = 140;
const AXIS = 18;

/**
 * Bars in plain SVG: two small fixed charts need no library. The SVG is hidden from assistive
 * technology; the same numbers are in a table that screen readers read instead.
 */
export function BarChart({ title, labelHeading, valueHeading, labels, values, labelEvery = 1 }: BarChartProps) {
  const max = Math.max(1, ...values);
  const slot = WIDTH / values.length;
  const barWidth = Math.max(2, slot * 0.7);
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} aria-hidden="true" focusable="false">
        <line class="chart-axis" x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} />
        {values.map((value, index) => {
          const height = (value / max) * (HEIGHT - 14);
          const x = index * slot + (slot - barWidth) / 2;
          return (
            <g key={labels[index]}>
              <rect class="chart-bar" x={x} y={HEIGHT - height} width={barWidth} height={height} rx={2} />
              {value > 0 && (
                <text class="chart-value" x={x + barWidth / 2} y={HEIGHT - height - 3} text-anchor="middle">
                  {value}
                </text>
              )}
              {index % labelEvery === 0 && (
                <text class="chart-label" x={x + barWidth / 2} y={HEIGHT + 13} text-anchor="middle">
                  {labels[index]}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <table class="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {values.map((value, index) => (
            <tr key={labels[index]}>
              <th scope="row">{labels[index]}</th>
              <td>{formatCount(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
