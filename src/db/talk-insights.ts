import type { CallRating } from '../messages/to-background';
import { NO_FIGURES, talkShare } from '../talk/conversation-figures';
import { roughSoundOf } from '../talk/rough-sound';
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
export async function talkInsights(db: ReboundDb, from: number, to: number): Promise<TalkInsights> {
  const calls = (await db.calls.where('talk.figures.heardS').above(0).toArray()).filter(
    (call) => call.endedAt >= from && call.endedAt <= to,
  );
  const rough = calls
    .filter((call) => roughSoundOf(call.talk))
    .sort((a, b) => b.endedAt - a.endedAt)
    .slice(0, MAX_ROUGH_CALLS);
  const withReset: number[] = [];
  const without: number[] = [];
  for (const call of rough) {
    const nextGood = await db.calls
      .where('endedAt')
      .above(call.endedAt)
      .filter((next) => next.rating === 'fine')
      .first();
    if (!nextGood) continue;
    const reset = await db.resets.where('callId').equals(call.id).first();
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
