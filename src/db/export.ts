import type { EntityTable } from 'dexie';
import { type CallTalk, silenceShare, talkShare } from '../talk/conversation-figures';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export-format';
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

async function* chunksOf<T extends { id: number }>(table: EntityTable<T, 'id'>, size: number): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    const rows = await table.where(':id').above(after).limit(size).toArray();
    if (rows.length === 0) return;
    yield rows;
    after = (rows[rows.length - 1] as T).id;
  }
}

/**
 * Writes rows through `toText`, one chunk at a time, into `parts`. Each chunk becomes a Blob at
 * once: the text is encoded a piece at a time and the final Blob only references the pieces.
 */
async function writeRows<T extends { id: number }>(
  table: EntityTable<T, 'id'>,
  parts: BlobPart[],
  toText: (row: T, first: boolean) => string,
  pacing: Required<ExportPacing>,
  written: { rows: number },
): Promise<void> {
  let first = true;
  for await (const rows of chunksOf(table, pacing.chunkSize)) {
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
    ['calls', db.calls],
    ['resets', db.resets],
    ['followUps', db.followUps],
  ] as const;
  for (const [name, table] of tables) {
    parts.push(`,${JSON.stringify(name)}:[`);
    await writeRows(
      table as unknown as EntityTable<{ id: number }, 'id'>,
      parts,
      (row, first) => `${first ? '' : ','}${JSON.stringify(row)}`,
      pace,
      written,
    );
    parts.push(']');
  }
  parts.push('}\n');
  return new Blob(parts, { type: 'application/json' });
}

/** A CSV cell; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

const CALL_COLUMNS = ['id', 'callKey', 'dialer', 'host', 'direction', 'startedAt', 'endedAt', 'durationSeconds']
  .concat(['lengthApproximate', 'outcome', 'endReason', 'rating', 'tags', 'device', 'missed'])
  .concat(['repTalkSeconds', 'otherTalkSeconds', 'talkShare', 'overtalkSeconds', 'longestOtherSeconds'])
  .concat(['longestRepSeconds', 'silenceShare', 'loudMoments'])
  .join(',');

/** The figures' cells, empty when the call has none (no figures is not zero). */
function talkCells(talk: CallTalk | undefined): unknown[] {
  if (!talk) return ['', '', '', '', '', '', '', ''];
  const f = talk.figures;
  const share = talkShare(f);
  return [
    f.repTalkS,
    f.otherTalkS,
    share === undefined ? undefined : share.toFixed(2),
    f.overtalkS,
    f.longestOtherS,
    f.longestRepS,
    silenceShare(f).toFixed(2),
    f.loudMoments,
  ];
}

function callRow(call: CallRecord): string {
  return csvLine([
    call.id,
    call.callKey,
    call.source,
    call.host,
    call.direction,
    iso(call.startedAt),
    iso(call.endedAt),
    call.durationMs === undefined ? undefined : Math.round(call.durationMs / 1000),
    call.approximate ? 'yes' : undefined,
    call.outcome,
    call.endReason,
    call.rating,
    call.tags.join('; '),
    call.device,
    call.missed ? 'yes' : undefined,
    ...talkCells(call.talk),
  ]);
}

const RESET_COLUMNS = ['id', 'callId', 'kind', 'startedAt', 'completedAt', 'steps', 'moodBefore', 'moodAfter']
  .concat(['causes', 'wentWell', 'doDifferently'])
  .join(',');

function resetRow(reset: ResetRecord): string {
  return csvLine([
    reset.id,
    reset.callId,
    reset.kind,
    iso(reset.startedAt),
    iso(reset.completedAt),
    reset.steps.join('; '),
    reset.moodBefore,
    reset.moodAfter,
    reset.causes?.join('; '),
    reset.lesson?.wentWell,
    reset.lesson?.doDifferently,
  ]);
}

export async function exportCallsCsv(db: ReboundDb, pacing: ExportPacing = {}): Promise<Blob> {
  const parts: BlobPart[] = [`${CALL_COLUMNS}\r\n`];
  await writeRows(db.calls, parts, callRow, withDefaults(pacing), { rows: 0 });
  return new Blob(parts, { type: 'text/csv' });
}

export async function exportResetsCsv(db: ReboundDb, pacing: ExportPacing = {}): Promise<Blob> {
  const parts: BlobPart[] = [`${RESET_COLUMNS}\r\n`];
  await writeRows(db.resets, parts, resetRow, withDefaults(pacing), { rows: 0 });
  return new Blob(parts, { type: 'text/csv' });
}
