import { type CallTalk, silenceShare, talkShare } from '../talk/conversation-figures';
import type { CallRecord, ResetRecord } from './schema';

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

/**
 * Most columns repeat a few values row after row (dialer, site, outcome, rating, tags): a column's
 * cell for a value is worked out once an export, then looked up. Free text stays unremembered past
 * a few hundred values, so memory is bounded.
 */
const REMEMBERED_VALUES = 500;
type TextCell = (value: string | undefined) => string;
function rememberedCell(): TextCell {
  const known = new Map<string, string>();
  return (value) => {
    if (value === undefined) return '';
    let text = known.get(value);
    if (text === undefined) {
      text = csvCell(value);
      if (known.size < REMEMBERED_VALUES) known.set(value, text);
    }
    return text;
  };
}
const list = (items: readonly string[] | undefined, listCell: TextCell) => listCell(items?.join('; '));

export const CALL_COLUMNS = ['id', 'callKey', 'dialer', 'host', 'direction', 'startedAt', 'endedAt', 'durationSeconds']
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

/**
 * One line a call, built as one template: no array of cells per row (100,000 rows of garbage),
 * no intermediate strings.
 */
export const callLine = (iso: (ms: number) => string) => {
  const source = rememberedCell();
  const host = rememberedCell();
  const direction = rememberedCell();
  const outcome = rememberedCell();
  const endReason = rememberedCell();
  const rating = rememberedCell();
  const tags = rememberedCell();
  const device = rememberedCell();
  return (call: CallRecord) => {
    const seconds = call.durationMs === undefined ? undefined : Math.round(call.durationMs / 1000);
    return (
      `${count(call.id)},${cell(call.callKey)},${source(call.source)},${host(call.host)},${direction(call.direction)},` +
      `${time(call.startedAt, iso)},${time(call.endedAt, iso)},${count(seconds)},${yes(call.approximate)},` +
      `${outcome(call.outcome)},${endReason(call.endReason)},${rating(call.rating)},${list(call.tags, tags)},` +
      `${device(call.device)},${yes(call.missed)},${talkCells(call.talk)}\r\n`
    );
  };
};

export const RESET_COLUMNS = ['id', 'callId', 'kind', 'startedAt', 'completedAt', 'steps', 'moodBefore', 'moodAfter']
  .concat(['causes', 'wentWell', 'doDifferently'])
  .join(',');

export const resetLine = (iso: (ms: number) => string) => {
  const kind = rememberedCell();
  const steps = rememberedCell();
  const causes = rememberedCell();
  return (reset: ResetRecord) =>
    `${count(reset.id)},${count(reset.callId)},${kind(reset.kind)},` +
    `${time(reset.startedAt, iso)},${time(reset.completedAt, iso)},${list(reset.steps, steps)},` +
    `${count(reset.moodBefore)},${count(reset.moodAfter)},${list(reset.causes, causes)},` +
    `${cell(reset.lesson?.wentWell)},${cell(reset.lesson?.doDifferently)}\r\n`;
};
