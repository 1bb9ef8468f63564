import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

interface WindowedListProps {
  count: number;
  rowHeight: number;
  /** Height of the scrolling box in px. */
  height: number;
  label: string;
  /** Rows drawn beyond each edge, so a fast scroll rarely shows a gap. */
  overscan?: number;
  renderRow(index: number): ComponentChildren;
  /** The rows now drawn, [start, end): the owner loads their data. */
  onRange(start: number, end: number): void;
}

/**
 * A list that draws only the rows in view (plus a few): 100,000 calls cost a tall empty box and
 * a few dozen rows. Rows have a fixed height, so the position of any row is one multiplication.
 */
export function WindowedList({ count, rowHeight, height, label, overscan = 6, renderRow, onRange }: WindowedListProps) {
  const [first, setFirst] = useState(0);
  const visible = Math.ceil(height / rowHeight);
  const start = Math.max(0, Math.min(first, count - visible) - overscan);
  const end = Math.min(count, first + visible + overscan);

  useEffect(() => onRange(start, end), [start, end, onRange]);

  const rows = [];
  for (let index = start; index < end; index += 1) {
    rows.push(
      <li
        key={index}
        class="window-row"
        aria-setsize={count}
        aria-posinset={index + 1}
        style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }}
      >
        {renderRow(index)}
      </li>,
    );
  }

  return (
    <div
      class="windowed-list"
      style={{ height: `${height}px` }}
      onScroll={(event) => setFirst(Math.floor(event.currentTarget.scrollTop / rowHeight))}
    >
      <ul aria-label={label} style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </ul>
    </div>
  );
}
