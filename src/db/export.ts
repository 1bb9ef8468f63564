import { type ExportedTable, tableChunks } from './export-chunks';
import { CALL_COLUMNS, callLine, RESET_COLUMNS, resetLine } from './export-csv';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export-format';
import { isoTimes } from './export-iso-time';
import { mergeById } from './packs/merge-by-id';
import { allPacked, type PackTable } from './packs/packed-reads';
import { type CallRecord, type ReboundDb, type ResetRecord, SCHEMA_VERSION } from './schema';

/**
 * Exports written in chunks: each chunk is one short read, turned into text and handed back as a
 * Blob part, with a pause between chunks so a 100,000-call export never freezes the page.
 */
export interface ExportPacing {
  chunkSize?: number;
  /** Lets the page paint and handle input between chunks. */
  pause?: () => Promise<void>;
  onProgress?: (rowsWritten: number) => void;
}

/** About 5–10 ms of work a chunk: short enough for the page to stay responsive. */
const DEFAULT_CHUNK = 2000;
/**
 * Back to the event loop (input, paint) and straight on: a message to ourselves, not a
 * setTimeout, which nested calls clamp to 4 ms (0.2 s over a 100,000-call export for nothing).
 */
const yieldToPage = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/**
 * Writes a table's rows through `toText`, one chunk at a time, into `parts`. Each chunk becomes a
 * Blob at once: the text is encoded a piece at a time and the final Blob only references the pieces.
 */
async function writeRows<T extends { id: number }>(
  db: ReboundDb,
  table: ExportedTable,
  parts: BlobPart[],
  toText: (row: T, first: boolean) => string,
  pacing: Required<ExportPacing>,
  written: { rows: number },
  packs?: PackTable,
): Promise<void> {
  let first = true;
  const packed = packs ? ((await allPacked(packs)) as unknown as T[]) : [];
  for await (const rows of mergeById(tableChunks<T>(db, table, pacing.chunkSize), packed, pacing.chunkSize)) {
    let chunk = '';
    for (const row of rows) {
      chunk += toText(row, first);
      first = false;
    }
    parts.push(new Blob([chunk]));
    written.rows += rows.length;
    pacing.onProgress(written.rows);
    await pacing.pause();
  }
}

function withDefaults(pacing: ExportPacing): Required<ExportPacing> {
  return {
    chunkSize: pacing.chunkSize ?? DEFAULT_CHUNK,
    pause: pacing.pause ?? yieldToPage,
    onProgress: pacing.onProgress ?? (() => undefined),
  };
}

/** The whole database and the settings as one versioned JSON file (see export-format.ts). */
export async function exportJson(
  db: ReboundDb,
  settings: unknown,
  now: number,
  pacing: ExportPacing = {},
): Promise<Blob> {
  const pace = withDefaults(pacing);
  const written = { rows: 0 };
  const header = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    schemaVersion: SCHEMA_VERSION,
    settings,
  };
  const parts: BlobPart[] = [`${JSON.stringify(header).slice(0, -1)}`];
  const tables = [
    ['calls', db.callPacks],
    ['resets', db.resetPacks],
    ['followUps', undefined],
  ] as const;
  for (const [table, packs] of tables) {
    parts.push(`,${JSON.stringify(table)}:[`);
    await writeRows<{ id: number }>(
      db,
      table,
      parts,
      (row, first) => `${first ? '' : ','}${JSON.stringify(row)}`,
      pace,
      written,
      packs,
    );
    parts.push(']');
  }
  parts.push('}\n');
  return new Blob(parts, { type: 'application/json' });
}

export async function exportCallsCsv(db: ReboundDb, pacing: ExportPacing = {}): Promise<Blob> {
  const parts: BlobPart[] = [`${CALL_COLUMNS}\r\n`];
  await writeRows<CallRecord>(
    db,
    'calls',
    parts,
    callLine(isoTimes()),
    withDefaults(pacing),
    { rows: 0 },
    db.callPacks,
  );
  return new Blob(parts, { type: 'text/csv' });
}

export async function exportResetsCsv(db: ReboundDb, pacing: ExportPacing = {}): Promise<Blob> {
  const parts: BlobPart[] = [`${RESET_COLUMNS}\r\n`];
  await writeRows<ResetRecord>(
    db,
    'resets',
    parts,
    resetLine(isoTimes()),
    withDefaults(pacing),
    { rows: 0 },
    db.resetPacks,
  );
  return new Blob(parts, { type: 'text/csv' });
}
