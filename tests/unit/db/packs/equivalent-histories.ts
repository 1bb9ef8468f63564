/**
 * The same history stored twice: once as rows (today's import), once packed. Every reader must
 * answer the same on both (packed-equivalence.test.ts). Histories are random: days, dialers,
 * ratings, talk figures, ties in end times, resets with and without a call, and sometimes an
 * earlier history already there as rows, so packs and rows mix.
 */
import fc from 'fast-check';
import { generateHistory } from '../../../../scripts/seed-history';
import type { ExportDocument } from '../../../../src/db/export-format';
import { applyImport } from '../../../../src/db/import';
import { openReboundDb, type ReboundDb } from '../../../../src/db/schema';
import { NOW, utcClock } from '../history-fixture';

export interface HistoryShape {
  seed: number;
  calls: number;
  callsPerDay: number;
  resets: number;
  packSize: number;
  /** An earlier history (as rows) before the import: its ids clash with some, or sit below all. */
  earlier: 'none' | 'clashing' | 'below';
  talkEvery: number;
  tieEvery: number;
  manualEvery: number;
}

export const historyShape: fc.Arbitrary<HistoryShape> = fc.record({
  seed: fc.nat({ max: 10_000 }),
  calls: fc.integer({ min: 1, max: 240 }),
  callsPerDay: fc.integer({ min: 2, max: 50 }),
  resets: fc.integer({ min: 0, max: 80 }),
  packSize: fc.integer({ min: 1, max: 60 }),
  earlier: fc.constantFrom('none', 'clashing', 'below'),
  talkEvery: fc.integer({ min: 2, max: 9 }),
  tieEvery: fc.integer({ min: 3, max: 15 }),
  manualEvery: fc.integer({ min: 4, max: 20 }),
});

const talkFigures = (index: number) => ({
  figures: {
    heardS: 30 + (index % 50),
    repTalkS: index % 25,
    otherTalkS: 12 + (index % 9),
    overtalkS: index % 5,
    longestOtherS: 10,
    longestRepS: 7,
    silenceS: index % 11,
    loudMoments: index % 3,
  },
  timeline: [[1, 10] as [1, number]],
});

export function documentOf(shape: HistoryShape): ExportDocument {
  const document = generateHistory({
    calls: shape.calls,
    callsPerDay: shape.callsPerDay,
    resets: shape.resets,
    endAt: NOW,
    seed: shape.seed,
  });
  document.calls.forEach((call, index) => {
    if (index % shape.talkEvery === 0) call.talk = talkFigures(index);
    const before = document.calls[index - 1];
    if (before && index % shape.tieEvery === 0) call.endedAt = before.endedAt;
    if (index % shape.manualEvery === 0)
      Object.assign(call, { source: 'manual', device: 'mobile', missed: index % 2 === 0 });
  });
  return document;
}

/** An earlier history whose ids clash with the import's, or sit below them. */
function earlierDocument(shape: HistoryShape): ExportDocument | undefined {
  if (shape.earlier === 'none') return undefined;
  const document = generateHistory({ calls: 12, resets: 4, endAt: NOW - 40 * 86_400_000, seed: shape.seed + 1 });
  if (shape.earlier === 'below') return document;
  // Ids that clash: the import keeps its free ids and gives the clashing ones new ids.
  for (const call of document.calls) call.id = call.id * 3;
  for (const reset of document.resets) {
    reset.id = reset.id * 2;
    if (reset.callId !== undefined) reset.callId *= 3;
  }
  for (const followUp of document.followUps) if (followUp.callId !== undefined) followUp.callId *= 3;
  return document;
}

function shiftIds(document: ExportDocument, by: number) {
  for (const row of [...document.calls, ...document.resets, ...document.followUps]) row.id += by;
  for (const row of [...document.resets, ...document.followUps]) if (row.callId !== undefined) row.callId += by;
  for (const reset of document.resets) if (reset.followUpId !== undefined) reset.followUpId += by;
}

export interface Twins {
  rows: ReboundDb;
  packed: ReboundDb;
  document: ExportDocument;
}

export async function twinHistories(shape: HistoryShape): Promise<Twins> {
  const document = documentOf(shape);
  if (shape.earlier === 'below') shiftIds(document, 100);
  const earlier = earlierDocument(shape);
  const open = async (packed: boolean) => {
    const db = openReboundDb(`twin-${packed ? 'packed' : 'rows'}-${Math.random()}`, { clock: utcClock });
    if (earlier) await applyImport(db, structuredClone(earlier), undefined, { packed: false });
    await applyImport(db, structuredClone(document), undefined, { packed, packSize: shape.packSize });
    return db;
  };
  return { rows: await open(false), packed: await open(true), document };
}
