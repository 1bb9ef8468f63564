/**
 * A small history whose insights are worked out by hand in insights.test.ts. Times are UTC; the
 * tests read hours and weekdays with a UTC clock. "Now" is Wednesday 25 Nov 2026, 17:00.
 */
import type { Clock } from '../../../src/db/insights';
import {
  type CallRecord,
  type FollowUpRecord,
  openReboundDb,
  type ReboundDb,
  type ResetRecord,
} from '../../../src/db/schema';

export const NOW = Date.UTC(2026, 10, 25, 17, 0);
const at = (month: number, day: number, hour: number, minute: number) => Date.UTC(2026, month - 1, day, hour, minute);

export const utcClock: Clock = {
  hour: (ms) => new Date(ms).getUTCHours(),
  weekday: (ms) => new Date(ms).getUTCDay(),
  startOfDay: (ms) => Math.floor(ms / 86_400_000) * 86_400_000,
};

function call(id: number, endedAt: number, rating?: CallRecord['rating'], source = 'hubspot'): CallRecord {
  return {
    id,
    callKey: `${source}:fixture-${id}`,
    source,
    host: source === 'hubspot' ? 'app.hubspot.com' : 'workspace.aircall.io',
    direction: 'outbound',
    startedAt: endedAt - 4 * 60_000,
    endedAt,
    durationMs: 4 * 60_000,
    outcome: 'completed',
    endReason: 'hang-up',
    ...(rating ? { rating, ratedAt: endedAt + 5000 } : {}),
    tags: id === 2 ? ['pricing'] : [],
  };
}

export const CALLS: CallRecord[] = [
  call(1, at(11, 25, 9, 10), 'tough'),
  call(2, at(11, 25, 10, 30), 'fine', 'aircall'),
  call(3, at(11, 25, 11, 5), 'tough'),
  call(4, at(11, 25, 14, 20), 'tough', 'aircall'),
  call(5, at(11, 25, 15, 0), 'so-so'),
  call(6, at(11, 24, 9, 40), 'tough'),
  call(7, at(11, 20, 16, 0), 'tough'),
  call(8, at(11, 20, 16, 30)),
  call(9, at(10, 1, 10, 0), 'tough'),
];

function reset(
  id: number,
  callId: number | undefined,
  completedAt: number,
  extra: Partial<ResetRecord> = {},
): ResetRecord {
  return {
    id,
    kind: callId === undefined ? 'quick' : 'after-call',
    ...(callId === undefined ? {} : { callId }),
    startedAt: completedAt - 60_000,
    completedAt,
    steps: ['breathe-5'],
    ...extra,
  };
}

export const RESETS: ResetRecord[] = [
  reset(1, 1, at(11, 25, 9, 12), { moodBefore: 2, moodAfter: 4, lesson: { wentWell: 'Stayed calm' } }),
  reset(2, 3, at(11, 25, 11, 10), {
    moodBefore: 1,
    moodAfter: 2,
    causes: ['Budget cut'],
    lesson: { doDifferently: 'Ask about budget earlier' },
  }),
  reset(3, 5, at(11, 25, 15, 1)),
  reset(4, undefined, at(11, 25, 12, 0), { moodBefore: 3, moodAfter: 5 }),
  reset(5, 6, at(11, 24, 9, 50), { moodBefore: 3, moodAfter: 3 }),
  reset(6, 7, at(11, 20, 16, 3)),
  reset(7, 9, at(10, 1, 10, 4), { lesson: { wentWell: 'Old lesson' } }),
];

export const FOLLOW_UPS: FollowUpRecord[] = [
  { id: 1, callId: 3, who: 'Priya at Northwind', dueAt: at(11, 26, 10, 0), note: 'Send the revised quote' },
  { id: 2, callId: 6, who: 'Dana at Contoso', dueAt: at(11, 25, 9, 0), note: 'Confirm delivery' },
  { id: 3, callId: 7, who: 'Li at Fabrikam', dueAt: at(11, 22, 9, 0), doneAt: at(11, 22, 8, 30) },
];

/** A fresh database (unique name) holding the whole fixture history. */
export async function openFixtureDb(name: string): Promise<ReboundDb> {
  const db = openReboundDb(`${name}-${Math.random()}`, { clock: utcClock });
  await db.calls.bulkAdd(CALLS);
  await db.resets.bulkAdd(RESETS);
  await db.followUps.bulkAdd(FOLLOW_UPS);
  return db;
}
