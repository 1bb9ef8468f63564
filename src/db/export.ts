import type { EntityTable } from 'dexie';
import { type CallTalk, silenceShare, talkShare } from '../talk/conversation-figures';
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
 * Reads under way at once: the database reads the next chunks while the page turns this one into
 * text (a 100,000-call export spent half its time waiting on one read after another).
 */
const READ_AHEAD = 3;

/**
 * A table's rows in key order, a chunk at a time. Its keys come first (no values, so cheap), which
 * fixes every chunk's key range up front and lets several reads run ahead; the last range is
 * open-ended, so a row added meanwhile is still written.
 */
async function* chunksOf<T extends { id: number }>(table: EntityTable<T, 'id'>, size: number): AsyncGenerator<T[]> {
  const keys = (await table.toCollection().primaryKeys()) as number[];
  const read = (start: number): Promise<T[]> => {
    const lower = keys[start] as number;
    const upper = keys[start + size];
    const rows =
      upper === undefined
        ? table.where(':id').aboveOrEqual(lower).toArray()
        : table.where(':id').between(lower, upper, true, false).toArray();
    // A read that fails while an earlier chunk is awaited fails the export when its turn comes.
    rows.catch(() => undefined);
    return rows;
  };
  const reading: Promise<T[]>[] = [];
  let next = 0;
  const readAhead = () => {
    while (reading.length < READ_AHEAD && next < keys.length) {
      reading.push(read(next));
      next += size;
    }
  };
  readAhead();
  for (let chunk = reading.shift(); chunk; chunk = reading.shift()) {
    const rows = await chunk;
    readAhead();
    yield rows;
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
  packs?: PackTable,
): Promise<void> {
  let first = true;
  const packed = packs ? ((await allPacked(packs)) as unknown as T[]) : [];
  for await (const rows of mergeById(chunksOf(table, pacing.chunkSize), packed, pacing.chunkSize)) {
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
    ['calls', db.calls, db.callPacks],
    ['resets', db.resets, db.resetPacks],
    ['followUps', db.followUps, undefined],
  ] as const;
  for (const [name, table, packs] of tables) {
    parts.push(`,${JSON.stringify(name)}:[`);
    await writeRows(
      table as unknown as EntityTable<{ id: number }, 'id'>,
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

/** A CSV cell; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/*
 * Cells the writer knows cannot start a formula or need quotes skip csvCell's two tests: a count
 * that is not negative, and an ISO time in years 0–9999. Anything else takes csvCell's path, so
 * every cell is what csvCell alone would write.
 */
const cell = (value: string | undefined): string => (value === undefined ? '' : csvCell(value));
const count = (value: number | undefined): string =>
  typeof value === 'number' && value >= 0 ? String(value) : csvCell(value);
const YEAR_10000 = 253_402_300_800_000;
function time(ms: number | undefined, iso: (ms: number) => string): string {
  if (ms === undefined) return '';
  if (typeof ms === 'number' && ms >= 0 && ms < YEAR_10000) return iso(ms);
  return csvCell(new Date(ms).toISOString());
}
const yes = (flag: boolean | undefined) => (flag ? 'yes' : '');
const list = (items: readonly string[] | undefined) => cell(items?.join('; '));

const CALL_COLUMNS = ['id', 'callKey', 'dialer', 'host', 'direction', 'startedAt', 'endedAt', 'durationSeconds']
  .concat(['lengthApproximate', 'outcome', 'endReason', 'rating', 'tags', 'device', 'missed'])
  .concat(['repTalkSeconds', 'otherTalkSeconds', 'talkShare', 'overtalkSeconds', 'longestOtherSeconds'])
  .concat(['longestRepSeconds', 'silenceShare', 'loudMoments'])
  .join(',');

/** The figures' cells, empty when the call has none (no figures is not zero). */
function talkCells(talk: CallTalk | undefined): string {
  if (!talk) return ',,,,,,,';
  const f = talk.figures;
  const share = talkShare(f);
  return [
    count(f.repTalkS),
    count(f.otherTalkS),
    share === undefined ? '' : csvCell(share.toFixed(2)),
    count(f.overtalkS),
    count(f.longestOtherS),
    count(f.longestRepS),
    csvCell(silenceShare(f).toFixed(2)),
    count(f.loudMoments),
  ].join(',');
}

/** One line a call, built as one string: no array of cells per row (100,000 rows of garbage). */
const callLine = (iso: (ms: number) => string) => (call: CallRecord) => {
  const seconds = call.durationMs === undefined ? undefined : Math.round(call.durationMs / 1000);
  const who = `${count(call.id)},${cell(call.callKey)},${cell(call.source)},${cell(call.host)},${cell(call.direction)}`;
  const when = `${time(call.startedAt, iso)},${time(call.endedAt, iso)},${count(seconds)},${yes(call.approximate)}`;
  const how = `${cell(call.outcome)},${cell(call.endReason)},${cell(call.rating)},${list(call.tags)}`;
  return `${who},${when},${how},${cell(call.device)},${yes(call.missed)},${talkCells(call.talk)}\r\n`;
};

const RESET_COLUMNS = ['id', 'callId', 'kind', 'startedAt', 'completedAt', 'steps', 'moodBefore', 'moodAfter']
  .concat(['causes', 'wentWell', 'doDifferently'])
  .join(',');

const resetLine = (iso: (ms: number) => string) => (reset: ResetRecord) => {
  const what = `${count(reset.id)},${count(reset.callId)},${cell(reset.kind)}`;
  const when = `${time(reset.startedAt, iso)},${time(reset.completedAt, iso)},${list(reset.steps)}`;
  const mood = `${count(reset.moodBefore)},${count(reset.moodAfter)},${list(reset.causes)}`;
  return `${what},${when},${mood},${cell(reset.lesson?.wentWell)},${cell(reset.lesson?.doDifferently)}\r\n`;
};

export async function exportCallsCsv(db: ReboundDb, pacing: ExportPacing = {}): Promise<Blob> {
  const parts: BlobPart[] = [`${CALL_COLUMNS}\r\n`];
  await writeRows(db.calls, parts, callLine(isoTimes()), withDefaults(pacing), { rows: 0 }, db.callPacks);
  return new Blob(parts, { type: 'text/csv' });
}

export async function exportResetsCsv(db: ReboundDb, pacing: ExportPacing = {}): Promise<Blob> {
  const parts: BlobPart[] = [`${RESET_COLUMNS}\r\n`];
  await writeRows(db.resets, parts, resetLine(isoTimes()), withDefaults(pacing), { rows: 0 }, db.resetPacks);
  return new Blob(parts, { type: 'text/csv' });
}
