import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

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

/** Keys that move focus between rows, and how far. */
function targetRow(key: string, index: number, count: number, page: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'PageDown':
      return Math.min(count - 1, index + page);
    case 'PageUp':
      return Math.max(0, index - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/** Focuses the row's button (or the row) when it is drawn; says whether it was. */
function focusRow(scroller: HTMLElement | null, index: number): boolean {
  const item = scroller?.querySelector<HTMLElement>(`[aria-posinset="${index + 1}"]`);
  if (!item) return false;
  (item.querySelector<HTMLElement>('button') ?? item).focus();
  return true;
}

/**
 * A list that draws only the rows in view (plus a few): 100,000 calls cost a tall empty box and
 * a few dozen rows. Rows have a fixed height, so the position of any row is one multiplication.
 * Arrow keys, Page Up/Down, Home and End move focus row by row, scrolling rows into being.
 */
export function WindowedList({ count, rowHeight, height, label, overscan = 6, renderRow, onRange }: WindowedListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [first, setFirst] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const visible = Math.ceil(height / rowHeight);
  const start = Math.max(0, Math.min(first, count - visible) - overscan);
  const end = Math.min(count, first + visible + overscan);

  useEffect(() => onRange(start, end), [start, end, onRange]);

  // A row reached by keyboard that was not drawn yet gets focus once it is.
  useEffect(() => {
    if (pendingFocus.current !== null && focusRow(box.current, pendingFocus.current)) pendingFocus.current = null;
  });

  // Keys are handled for the rows' buttons by delegation on the scrolling box.
  useEffect(() => {
    const scroller = box.current;
    if (!scroller) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const item = (event.target as HTMLElement).closest('[aria-posinset]');
      if (!item) return;
      const target = targetRow(event.key, Number(item.getAttribute('aria-posinset')) - 1, count, visible - 1);
      if (target === undefined) return;
      event.preventDefault();
      const top = target * rowHeight;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + rowHeight > scroller.scrollTop + height) scroller.scrollTop = top + rowHeight - height;
      if (focusRow(scroller, target)) return;
      pendingFocus.current = target;
      setFirst(Math.floor(scroller.scrollTop / rowHeight));
    };
    scroller.addEventListener('keydown', onKeyDown);
    return () => scroller.removeEventListener('keydown', onKeyDown);
  }, [count, visible, rowHeight, height]);

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
      ref={box}
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
