import * as v from 'valibot';
import type { EndReason } from '../calls/call';
import { MANUAL_DEVICES, MANUAL_SOURCE, MAX_MANUAL_MS } from '../calls/manual-call';
import { CALL_DIRECTIONS, CALL_OUTCOMES } from '../messages/call-signal';
import { CALL_RATINGS } from '../messages/to-background';
import { callTalkSchema } from '../talk/call-talk-schema';
import type { CallRecord, FollowUpRecord, ResetKind, ResetRecord } from './schema';

/**
 * The export file: every table and the settings, versioned so a later Rebound can still read it.
 * The import schema is exact for known fields and bounded for all: a file is either all valid or
 * rejected with where.
 */
export const EXPORT_FORMAT = 'rebound-export';
export const EXPORT_VERSION = 1;
/** Far above a 100,000-call history (about 40 MB), far below what would exhaust a tab. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
const MAX_ROWS = 2_000_000;

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  schemaVersion: number;
  settings: unknown;
  calls: CallRecord[];
  resets: ResetRecord[];
  followUps: FollowUpRecord[];
}

const END_REASONS = ['hang-up', 'tab-closed', 'navigated', 'browser-closed'] as const satisfies readonly EndReason[];
const RESET_KINDS = ['quick', 'after-call', 'went-quiet', 'prep', 'rough-run'] as const satisfies readonly ResetKind[];
const FOLLOW_UP_KINDS = ['after-call', 'went-quiet', 'role-play'] as const satisfies readonly NonNullable<
  FollowUpRecord['kind']
>[];

const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const mood = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5));

/**
 * A field a later build or a parallel feature added to a row without a schema version (optional
 * fields need none): kept through export and import, but bounded in shape and size like the rest.
 */
const extraScalar = v.union([v.pipe(v.number(), v.finite()), v.boolean(), text(2000)]);
const extraField = v.union([
  extraScalar,
  v.pipe(v.array(extraScalar), v.maxLength(50)),
  v.pipe(v.record(v.pipe(v.string(), v.maxLength(60)), extraScalar), v.maxEntries(20)),
]);
const MAX_EXTRA_FIELDS = 10;
/** A row: its known fields checked exactly, at most a few extra fields checked by shape. */
const row = <T extends v.ObjectEntries>(entries: T) =>
  v.pipe(
    v.objectWithRest(entries, extraField),
    v.check(
      (value) => Object.keys(value).filter((key) => !(key in entries)).length <= MAX_EXTRA_FIELDS,
      `at most ${MAX_EXTRA_FIELDS} fields this version does not know`,
    ),
  );

const callSchema = row({
  id,
  callKey: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  source: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,39}$/)),
  host: text(255),
  direction: v.optional(v.picklist(CALL_DIRECTIONS)),
  startedAt: v.optional(time),
  endedAt: time,
  durationMs: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(24 * 3600 * 1000))),
  outcome: v.picklist(CALL_OUTCOMES),
  endReason: v.picklist(END_REASONS),
  approximate: v.optional(v.boolean()),
  rating: v.optional(v.picklist(CALL_RATINGS)),
  ratedAt: v.optional(time),
  tags: v.pipe(v.array(text(60)), v.maxLength(50)),
  device: v.optional(v.picklist(MANUAL_DEVICES)),
  missed: v.optional(v.boolean()),
  talk: v.optional(callTalkSchema),
});

const resetSchema = row({
  id,
  kind: v.picklist(RESET_KINDS),
  callId: v.optional(id),
  startedAt: time,
  completedAt: time,
  steps: v.pipe(v.array(text(60)), v.maxLength(50)),
  moodBefore: v.optional(mood),
  moodAfter: v.optional(mood),
  causes: v.optional(v.pipe(v.array(text(500)), v.maxLength(20))),
  lesson: v.optional(v.strictObject({ wentWell: v.optional(text(2000)), doDifferently: v.optional(text(2000)) })),
  tags: v.optional(v.pipe(v.array(text(60)), v.maxLength(50))),
  thrownAway: v.optional(text(2000)),
  notes: v.optional(v.pipe(v.record(v.pipe(v.string(), v.maxLength(60)), text(2000)), v.maxEntries(20))),
  pipeline: v.optional(text(200)),
  followUpId: v.optional(id),
  stayCalm: v.optional(v.pipe(v.record(v.pipe(v.string(), v.maxLength(60)), text(2000)), v.maxEntries(10))),
  support: v.optional(
    v.strictObject({ answer: v.optional(v.picklist(['talked', 'not-now'])), note: v.optional(text(2000)) }),
  ),
});

const followUpSchema = row({
  id,
  callId: v.optional(id),
  who: text(200),
  dueAt: time,
  note: v.optional(text(2000)),
  doneAt: v.optional(time),
  kind: v.optional(v.picklist(FOLLOW_UP_KINDS)),
  snoozedUntil: v.optional(time),
  notifiedAt: v.optional(time),
});

const documentSchema = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: time,
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  settings: v.optional(v.unknown()),
  calls: v.pipe(v.array(callSchema), v.maxLength(MAX_ROWS)),
  resets: v.pipe(v.array(resetSchema), v.maxLength(MAX_ROWS)),
  followUps: v.pipe(v.array(followUpSchema), v.maxLength(MAX_ROWS)),
});

export type ImportProblem =
  | { code: 'too-large'; bytes: number }
  | { code: 'not-json'; detail: string }
  | { code: 'not-export' }
  | { code: 'wrong-version'; version: string }
  | { code: 'invalid'; where: string; expected: string; received: string }
  | { code: 'duplicate'; where: string; value: string }
  | { code: 'unknown-call'; where: string; callId: number }
  | { code: 'unknown-follow-up'; where: string; followUpId: number };

export type ParsedImport = { ok: true; document: ExportDocument } | { ok: false; problems: ImportProblem[] };

/** At most this many problems are reported: enough to fix a file, not a wall of text. */
const MAX_PROBLEMS = 5;

function pathOf(issue: v.BaseIssue<unknown>): string {
  let where = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    where += typeof key === 'number' ? `[${key}]` : `${where ? '.' : ''}${String(key)}`;
  }
  return where || '(top level)';
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

/** Problems valibot cannot see: ids and callKeys repeated in the file, links to calls it lacks. */
function crossCheck(document: ExportDocument): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const callIds = new Set<number>();
  const callKeys = new Set<string>();
  document.calls.forEach((call, index) => {
    if (callIds.has(call.id)) problems.push({ code: 'duplicate', where: `calls[${index}].id`, value: String(call.id) });
    if (callKeys.has(call.callKey)) {
      problems.push({ code: 'duplicate', where: `calls[${index}].callKey`, value: clip(call.callKey) });
    }
    callIds.add(call.id);
    callKeys.add(call.callKey);
    if (call.source === MANUAL_SOURCE && call.durationMs !== undefined && call.durationMs > MAX_MANUAL_MS) {
      problems.push({
        code: 'invalid',
        where: `calls[${index}].durationMs`,
        expected: `<=${MAX_MANUAL_MS} (12 h, a call logged by hand)`,
        received: String(call.durationMs),
      });
    }
  });
  const followUpIds = new Set(document.followUps.map((followUp) => followUp.id));
  document.resets.forEach((reset, index) => {
    if (reset.followUpId !== undefined && !followUpIds.has(reset.followUpId)) {
      problems.push({ code: 'unknown-follow-up', where: `resets[${index}].followUpId`, followUpId: reset.followUpId });
    }
  });
  for (const table of ['resets', 'followUps'] as const) {
    const ids = new Set<number>();
    document[table].forEach((row, index) => {
      if (ids.has(row.id)) problems.push({ code: 'duplicate', where: `${table}[${index}].id`, value: String(row.id) });
      ids.add(row.id);
      if (row.callId !== undefined && !callIds.has(row.callId)) {
        problems.push({ code: 'unknown-call', where: `${table}[${index}].callId`, callId: row.callId });
      }
    });
  }
  return problems.slice(0, MAX_PROBLEMS);
}

/** Reads an export file's text. Nothing here touches the database. */
export function parseExport(textContent: string): ParsedImport {
  if (textContent.length > MAX_IMPORT_BYTES) {
    return { ok: false, problems: [{ code: 'too-large', bytes: textContent.length }] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(textContent);
  } catch (error) {
    return { ok: false, problems: [{ code: 'not-json', detail: clip(String((error as Error).message)) }] };
  }
  const head = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (head.format !== EXPORT_FORMAT) return { ok: false, problems: [{ code: 'not-export' }] };
  if (head.version !== EXPORT_VERSION) {
    return { ok: false, problems: [{ code: 'wrong-version', version: clip(JSON.stringify(head.version) ?? '') }] };
  }
  const result = v.safeParse(documentSchema, raw, { abortPipeEarly: true });
  if (!result.success) {
    return {
      ok: false,
      problems: result.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
        code: 'invalid',
        where: pathOf(issue),
        expected: clip(issue.expected ?? issue.message),
        received: clip(issue.received),
      })),
    };
  }
  const document = result.output as ExportDocument;
  const problems = crossCheck(document);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document };
}
