import type { CallRating } from '../messages/to-background';
import { NO_FIGURES, talkShare } from '../talk/conversation-figures';
import { roughSoundOf } from '../talk/rough-sound';
import { packedCallsBetween, packedCallsWithTalk, packedResetsOfCalls } from './packs/packed-reads';
import { oldestCallFirst } from './packs/row-order';
import type { CallRecord, ReboundDb } from './schema';

/** How calls of one rating sounded, over the calls that have figures. */
export interface TalkByRating {
  calls: number;
  /** Mean of the rep's talk share, 0–1; undefined when nobody spoke on any of them. */
  meanTalkShare?: number;
  meanOvertalkS: number;
}

export interface TalkInsights {
  /** Calls in the period with conversation figures. */
  withFigures: number;
  tough: TalkByRating;
  fine: TalkByRating;
  /**
   * After a rough-sounding call: how long until the next call rated fine ended, the median with
   * a reset after the rough call and without one. Undefined without such calls.
   */
  nextGoodAfterResetMs?: number;
  nextGoodWithoutResetMs?: number;
}

const heardS = (call: CallRecord) => call.talk?.figures.heardS ?? 0;

/** Rough calls followed up per period: enough to see a pattern, bounded work. */
const MAX_ROUGH_CALLS = 200;

function byRating(calls: readonly CallRecord[], rating: CallRating): TalkByRating {
  const rated = calls.filter((call) => call.rating === rating && call.talk);
  const shares = rated.map((call) => talkShare(call.talk?.figures ?? NO_FIGURES)).filter((s) => s !== undefined);
  return {
    calls: rated.length,
    meanTalkShare: shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : undefined,
    meanOvertalkS: rated.length
      ? rated.reduce((sum, call) => sum + (call.talk?.figures.overtalkS ?? 0), 0) / rated.length
      : 0,
  };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Talk share and overtalk on tough calls against fine ones, and whether a reset after a
 * rough-sounding call goes with a quicker next good call. Reads only the calls that have figures
 * (the v4 index), then one lookup per rough call.
 */
export function talkInsights(db: ReboundDb, from: number, to: number): Promise<TalkInsights> {
  return db.transaction('r', [db.calls, db.resets, db.callPacks, db.resetPacks], async () => figuresFor(db, from, to));
}

async function figuresFor(db: ReboundDb, from: number, to: number): Promise<TalkInsights> {
  const calls = [
    ...(await db.calls.where('talk.figures.heardS').above(0).toArray()),
    ...(await packedCallsWithTalk(db)),
  ]
    .filter((call) => call.endedAt >= from && call.endedAt <= to)
    // The index's order (seconds heard, then id): means are summed in it, to the last digit.
    .sort((a, b) => heardS(a) - heardS(b) || a.id - b.id);
  const rough = calls
    .filter((call) => roughSoundOf(call.talk))
    .sort((a, b) => b.endedAt - a.endedAt)
    .slice(0, MAX_ROUGH_CALLS);
  // Packed calls rated fine after the earliest rough call, read once for every rough call.
  const earliest = Math.min(...rough.map((call) => call.endedAt));
  const packedFine = (await packedCallsBetween(db, earliest, Number.POSITIVE_INFINITY))
    .filter((next) => next.rating === 'fine')
    .sort(oldestCallFirst);
  const packedReset = new Set(
    (
      await packedResetsOfCalls(
        db,
        rough.map((call) => call.id),
      )
    ).map((reset) => reset.callId),
  );
  const withReset: number[] = [];
  const without: number[] = [];
  for (const call of rough) {
    const candidates = [
      await db.calls
        .where('endedAt')
        .above(call.endedAt)
        .filter((next) => next.rating === 'fine')
        .first(),
      packedFine.find((next) => next.endedAt > call.endedAt),
    ];
    const nextGood = candidates.filter((next) => next !== undefined).sort(oldestCallFirst)[0];
    if (!nextGood) continue;
    const reset = packedReset.has(call.id) || (await db.resets.where('callId').equals(call.id).count()) > 0;
    (reset ? withReset : without).push(nextGood.endedAt - call.endedAt);
  }
  return {
    withFigures: calls.length,
    tough: byRating(calls, 'tough'),
    fine: byRating(calls, 'fine'),
    nextGoodAfterResetMs: median(withReset),
    nextGoodWithoutResetMs: median(without),
  };
}
