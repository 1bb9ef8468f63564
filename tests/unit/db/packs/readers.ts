/**
 * Every reader of calls and resets, asked a spread of questions about one database. Each entry
 * answers with plain data, so two databases holding the same history answer equal.
 */
import { latestCall, ratingsSince, toughCallsSince } from '../../../../src/db/calls';
import { checkRollups } from '../../../../src/db/day-rollup-check';
import { exportCallsCsv, exportJson, exportResetsCsv } from '../../../../src/db/export';
import type { ExportDocument } from '../../../../src/db/export-format';
import {
  callDetail,
  dialersInHistory,
  type HistoryFilter,
  historyCallIds,
  historyFirstScreen,
  historyRows,
  lastCallOnHost,
} from '../../../../src/db/history';
import { homeReader } from '../../../../src/db/home-reader';
import { computeInsights, PERIODS, periodStart } from '../../../../src/db/insights';
import { resetForCall, toughCallsAwaitingReset } from '../../../../src/db/resets';
import type { ReboundDb } from '../../../../src/db/schema';
import { talkInsights } from '../../../../src/db/talk-insights';
import { NOW, utcClock } from '../history-fixture';

const DAY = 86_400_000;
const noPause = { pause: async () => undefined, chunkSize: 37 };

/** Times worth asking about: period starts, and a few call end times (exact ties included). */
function timesOf(document: ExportDocument): number[] {
  const ends = document.calls.map((call) => call.endedAt).sort((a, b) => a - b);
  const pick = (share: number) => ends[Math.floor(share * (ends.length - 1))] ?? NOW;
  return [0, NOW - 30 * DAY, NOW - 7 * DAY, pick(0.25), pick(0.5), pick(0.9), NOW];
}

function filtersOf(document: ExportDocument): HistoryFilter[] {
  const [, , , quarter, half, late] = timesOf(document);
  const searched = document.resets.find((reset) => reset.lesson?.wentWell)?.lesson?.wentWell?.slice(3, 12);
  return [
    {},
    { from: quarter, to: late },
    { from: half },
    { to: half },
    { source: 'hubspot' },
    { source: 'manual', from: quarter },
    { rating: 'tough' },
    { rating: 'fine', to: half },
    { rating: 'unrated' },
    { source: 'aircall', rating: 'tough' },
    { source: 'hubspot', rating: 'unrated' },
    { search: 'pricing' },
    { search: 'ASK ABOUT' },
    { search: 'northwind', rating: 'tough' },
    ...(searched ? [{ search: searched }] : []),
  ];
}

type Reader = (db: ReboundDb, document: ExportDocument) => Promise<unknown>;

export const READERS: Record<string, Reader> = {
  'roll-ups as stored': (db) => db.dayRollups.toArray(),
  'roll-up check from scratch': (db) => checkRollups(db, utcClock),
  'dialers in history': (db) => dialersInHistory(db),
  'insights, every period': (db) =>
    Promise.all(PERIODS.map((period) => computeInsights(db, periodStart(period, NOW, utcClock), NOW, utcClock))),
  'history ids, every filter, whole, and the first screen of the newest 7': async (db, document) =>
    Promise.all(
      filtersOf(document).flatMap((filter) => [historyCallIds(db, filter), historyFirstScreen(db, filter, 7)]),
    ),
  'history rows and detail': async (db) => {
    const ids = await historyCallIds(db, {});
    const details = await Promise.all([...ids.slice(0, 5), ...ids.slice(-5), 999_999].map((id) => callDetail(db, id)));
    return { rows: await historyRows(db, [...ids, 999_999]), details };
  },
  'last call, last call on each host': async (db) => ({
    last: await latestCall(db),
    hosts: await Promise.all(
      ['app.hubspot.com', 'workspace.aircall.io', 'app.ringcentral.com', 'nowhere.example'].map((host) =>
        lastCallOnHost(db, host),
      ),
    ),
  }),
  'ratings, tough calls and tough calls awaiting a reset since': (db, document) =>
    Promise.all(
      timesOf(document).map(async (since) => ({
        ratings: await ratingsSince(db, since),
        tough: await toughCallsSince(db, since),
        awaiting: await toughCallsAwaitingReset(db, since),
      })),
    ),
  'reset for a call': (db, document) =>
    Promise.all(document.calls.slice(0, 40).map((call) => resetForCall(db, call.id))),
  'talk insights': (db, document) => {
    const [, month, week, quarter, , late] = timesOf(document);
    return Promise.all([
      talkInsights(db, 0, NOW),
      talkInsights(db, month as number, NOW),
      talkInsights(db, week as number, NOW),
      talkInsights(db, quarter as number, late as number),
    ]);
  },
  'export JSON and CSV, byte for byte': async (db) => ({
    json: await (await exportJson(db, { breathSeconds: 5 }, NOW, noPause)).text(),
    calls: await (await exportCallsCsv(db, noPause)).text(),
    resets: await (await exportResetsCsv(db, noPause)).text(),
  }),
  'popup home: last call and today': async (db) => {
    const reader = homeReader(async () => undefined, db.name);
    return reader.snapshot(utcClock.startOfDay(NOW), NOW - 7 * DAY, 3);
  },
};
