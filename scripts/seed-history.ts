/**
 * A realistic Rebound history, generated deterministically from a seed: calls over working
 * hours with a plausible mix of outcomes and ratings, resets after most tough calls (with moods,
 * causes and lessons), follow-ups. The result is an export document, so it goes in through the
 * same validated import as a rep's own file: from Node (`npm run seed`) or from an e2e test.
 */
import type { ExportDocument } from '../src/db/export-format';
import type { CallRecord, FollowUpRecord, ResetRecord } from '../src/db/schema';
import { DEFAULT_SETTINGS } from '../src/settings/settings';

export interface SeedOptions {
  calls: number;
  /** The history ends just before this time (epoch ms). */
  endAt: number;
  seed?: number;
  callsPerDay?: number;
  /**
   * At least this many resets: after-call resets follow tough calls only (about 6 in 100 calls),
   * so the rest are quick resets spread over the same working days.
   */
  resets?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const DIALERS = [
  { source: 'hubspot', host: 'app.hubspot.com' },
  { source: 'aircall', host: 'workspace.aircall.io' },
  { source: 'ringcentral', host: 'app.ringcentral.com' },
] as const;
const TAGS = ['renewal', 'pricing', 'cold', 'demo', 'escalation', 'onboarding'];
const CAUSES = [
  'They were angry about the delay, not at me',
  'Budget was cut this quarter',
  'I rushed the opening',
  'Wrong person to talk to',
  'They had a bad day',
];
const WENT_WELL = [
  'Stayed calm when they raised their voice',
  'Named the next step before hanging up',
  'Asked what a good outcome looks like',
  'Let the silence work',
];
const DO_DIFFERENTLY = [
  'State the delivery date first',
  'Ask about budget earlier',
  'Check who decides before the demo',
  'Slow down in the first minute',
];
const WHO = ['Marcus at Oyelaran Ltd', 'Priya at Northwind', 'Dana at Contoso', 'Li at Fabrikam', 'Sam at Initech'];
const NOTES = ['Send the revised quote', 'Confirm the delivery date', 'Share the case study', 'Book a demo'];

export function generateHistory({
  calls: total,
  endAt,
  seed = 7,
  callsPerDay = 40,
  resets: resetsWanted = 0,
}: SeedOptions): ExportDocument {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const calls: CallRecord[] = [];
  const resets: ResetRecord[] = [];
  const followUps: FollowUpRecord[] = [];
  const days = Math.max(1, Math.ceil(total / callsPerDay));
  // Calls end before `endAt` by at least half an hour (a call lasts at most 20 minutes), so the
  // last working day is the latest whose 09:00 leaves room for one.
  const lastDay = Math.floor((endAt - 9 * HOUR - 35 * MINUTE) / DAY) * DAY;
  const firstDay = lastDay - (days - 1) * DAY;

  for (let day = 0; day < days && calls.length < total; day += 1) {
    const count = Math.min(callsPerDay, total - calls.length);
    // Working hours, 09:00–18:00 UTC (or until half an hour before `endAt`), in time order.
    const opens = firstDay + day * DAY + 9 * HOUR;
    const span = Math.min(9 * HOUR, endAt - 30 * MINUTE - opens);
    const times = Array.from({ length: count }, () => opens + Math.floor(next() * span)).sort((a, b) => a - b);
    for (const startedAt of times) {
      const id = calls.length + 1;
      const dialer = pick(DIALERS);
      const roll = next();
      const outcome =
        roll < 0.65
          ? 'completed'
          : roll < 0.8
            ? 'no-answer'
            : roll < 0.92
              ? 'voicemail'
              : roll < 0.96
                ? 'busy'
                : 'failed';
      const durationMs =
        outcome === 'completed' ? Math.floor(30_000 + next() * 20 * MINUTE) : Math.floor(next() * 30_000);
      const endedAt = startedAt + durationMs;
      const call: CallRecord = {
        id,
        callKey: `${dialer.source}:seed-${seed}-${id}`,
        source: dialer.source,
        host: dialer.host,
        direction: next() < 0.8 ? 'outbound' : 'inbound',
        startedAt,
        endedAt,
        durationMs,
        outcome,
        endReason: next() < 0.95 ? 'hang-up' : 'tab-closed',
        tags: next() < 0.4 ? [pick(TAGS)] : [],
      };
      if (outcome === 'completed' && next() < 0.75) {
        const ratingRoll = next();
        call.rating = ratingRoll < 0.55 ? 'fine' : ratingRoll < 0.82 ? 'so-so' : 'tough';
        call.ratedAt = endedAt + Math.floor(next() * 20_000);
      }
      calls.push(call);
      if (call.rating === 'tough' && next() < 0.7) {
        const resetStart = endedAt + Math.floor(10_000 + next() * 5 * MINUTE);
        const moodBefore = 1 + Math.floor(next() * 3);
        const reset: ResetRecord = {
          id: resets.length + 1,
          kind: 'after-call',
          callId: id,
          startedAt: resetStart,
          completedAt: resetStart + Math.floor(20_000 + next() * 2 * MINUTE),
          steps: ['breathe-5', 'positive'],
          moodBefore,
          moodAfter: Math.min(5, moodBefore + Math.floor(next() * 3)),
          causes: [pick(CAUSES)],
        };
        if (next() < 0.5) reset.lesson = { wentWell: pick(WENT_WELL), doDifferently: pick(DO_DIFFERENTLY) };
        resets.push(reset);
      }
      if (outcome === 'completed' && next() < 0.08) {
        const dueAt = endedAt + Math.floor((1 + next() * 6) * DAY);
        const followUp: FollowUpRecord = {
          id: followUps.length + 1,
          callId: id,
          who: pick(WHO),
          dueAt,
          note: pick(NOTES),
        };
        if (dueAt < endAt && next() < 0.95) followUp.doneAt = dueAt - Math.floor(next() * HOUR);
        followUps.push(followUp);
      }
    }
  }
  const quickResets = Math.max(0, resetsWanted - resets.length);
  for (let i = 0; i < quickResets; i += 1) {
    const day = Math.floor((i / quickResets) * days);
    const opens = firstDay + day * DAY + 9 * HOUR;
    const startedAt = opens + Math.floor(next() * Math.min(8 * HOUR, endAt - 30 * MINUTE - opens));
    const moodBefore = 1 + Math.floor(next() * 4);
    resets.push({
      id: resets.length + 1,
      kind: 'quick',
      startedAt,
      completedAt: startedAt + Math.floor(20_000 + next() * MINUTE),
      steps: ['breathe-5'],
      moodBefore,
      moodAfter: Math.min(5, moodBefore + Math.floor(next() * 2)),
    });
  }
  return {
    format: 'rebound-export',
    version: 1,
    exportedAt: endAt,
    schemaVersion: 2,
    settings: DEFAULT_SETTINGS,
    calls,
    resets,
    followUps,
  };
}
