/**
 * Rows and packed rows as one stream in id order, a chunk at a time, for the export: it writes
 * every row in key order, whether stored as a row or packed.
 */
export async function* mergeById<T extends { id: number }>(
  chunks: AsyncIterable<T[]>,
  packed: readonly T[],
  size: number,
): AsyncGenerator<T[]> {
  let next = 0;
  for await (const rows of chunks) {
    const last = rows[rows.length - 1];
    if (!last) continue;
    const merged: T[] = [];
    let row = 0;
    while (row < rows.length || (next < packed.length && (packed[next] as T).id <= last.id)) {
      const fromPack = next < packed.length && (packed[next] as T).id < (rows[row]?.id ?? Number.POSITIVE_INFINITY);
      merged.push(fromPack ? (packed[next++] as T) : (rows[row++] as T));
    }
    for (let start = 0; start < merged.length; start += size) yield merged.slice(start, start + size);
  }
  for (; next < packed.length; next += size) yield packed.slice(next, next + size);
}
