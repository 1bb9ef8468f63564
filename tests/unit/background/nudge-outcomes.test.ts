import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNudgeFlow, type HeldNudge, type NudgeOutcome, type ShortCall } from '../../../src/background/nudge-flow';
import { KEPT_NUDGE_OUTCOMES, nudgeOutcomeRecorder } from '../../../src/background/nudge-outcomes';
import type { EndedCall } from '../../../src/calls/call';
import { openReboundDb, type ReboundDb } from '../../../src/db/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { memorySlot } from '../fakes/memory-slot';

const NOW = new Date(2026, 10, 25, 10, 30).getTime();
let db: ReboundDb;
let dbCount = 0;

beforeEach(() => {
  db = openReboundDb(`nudge-outcomes-${dbCount++}`);
});
afterEach(() => db.delete());

const call = (id: string, overrides: Partial<EndedCall> = {}): EndedCall => ({
  callKey: `hubspot:${id}`,
  tabId: 1,
  host: 'crm.example',
  source: 'hubspot',
  startedAt: NOW - 120_000,
  endedAt: NOW,
  durationMs: 120_000,
  outcome: 'completed',
  endReason: 'hang-up',
  ...overrides,
});

function setup(
  settings: Partial<Settings> = {},
  state = { delivers: true, snoozedUntil: undefined as number | undefined },
) {
  const told: Record<string, NudgeOutcome>[] = [];
  const delivered: string[] = [];
  /** What had been delivered when each outcome was told. */
  const deliveredWhenTold: string[][] = [];
  const flow = createNudgeFlow({
    db,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, cooldownMinutes: 0, ...settings }),
    heldNudge: memorySlot<HeldNudge>(),
    shortCalls: memorySlot<Record<string, ShortCall>>(),
    lastNudgeAt: memorySlot<number>(),
    readSnooze: async () => state.snoozedUntil,
    deliver: async ({ call }) => {
      delivered.push(call.callKey);
      return state.delivers;
    },
    now: () => NOW,
    onDecided: async (outcomes) => {
      told.push(outcomes);
      deliveredWhenTold.push([...delivered]);
    },
  });
  return { flow, told, deliveredWhenTold };
}

describe('nudge outcomes', () => {
  it('tells a delivered nudge as nudged, once it is delivered', async () => {
    const { flow, told, deliveredWhenTold } = setup();
    await flow.afterCallsEnded([call('a')], 0);
    expect(told).toEqual([{ 'hubspot:a': 'nudged' }]);
    expect(deliveredWhenTold).toEqual([['hubspot:a']]);
  });

  it('tells a nudge no tab showed as not delivered', async () => {
    const { flow, told } = setup({}, { delivers: false, snoozedUntil: undefined });
    await flow.afterCallsEnded([call('a')], 0);
    expect(told[0]?.['hubspot:a']).toBe('not-delivered');
  });

  it("tells the policy's reason when there is no nudge: too short, snoozed, outside working hours", async () => {
    const short = setup({ minCallSeconds: 20 });
    await short.flow.afterCallsEnded([call('short', { durationMs: 5_000 })], 0);
    expect(short.told).toEqual([{ 'hubspot:short': 'too-short' }]);

    const snoozed = setup({}, { delivers: true, snoozedUntil: NOW + 60_000 });
    await snoozed.flow.afterCallsEnded([call('snoozed')], 0);
    expect(snoozed.told).toEqual([{ 'hubspot:snoozed': 'snoozed' }]);

    const noHours = { enabled: true, startMinute: 0, endMinute: 0, days: [] };
    const closed = setup({ workingHours: noHours });
    await closed.flow.afterCallsEnded([call('closed')], 0);
    expect(closed.told).toEqual([{ 'hubspot:closed': 'outside-hours' }]);
  });

  it('tells a nudge kept for a call still live as held, and one whose calls were not written as not written', async () => {
    const { flow, told } = setup();
    await flow.afterCallsEnded([call('held')], 1);
    await flow.afterCallsEnded([call('lost')], 0, Promise.resolve(false));
    expect(told).toEqual([{ 'hubspot:held': 'held' }, { 'hubspot:lost': 'not-written' }]);
  });

  it('tells an earlier call of the same batch as superseded by the later one nudged', async () => {
    const { flow, told } = setup();
    await flow.afterCallsEnded([call('first'), call('second')], 0);
    expect(told[0]).toMatchObject({ 'hubspot:first': 'superseded', 'hubspot:second': 'nudged' });
  });
});

describe('nudge outcome recorder', () => {
  it('adds each run to what is kept, the latest last, and keeps only the latest calls', async () => {
    const slot = memorySlot<Record<string, NudgeOutcome>>();
    const record = nudgeOutcomeRecorder(slot);
    await record({ 'hubspot:a': 'too-short' });
    await record({ 'hubspot:b': 'nudged', 'hubspot:a': 'nudged' });
    expect(Object.entries(slot.value ?? {})).toEqual([
      ['hubspot:b', 'nudged'],
      ['hubspot:a', 'nudged'],
    ]);
    for (let n = 0; n < KEPT_NUDGE_OUTCOMES + 5; n++) await record({ [`hubspot:${n}`]: 'cooldown' });
    const kept = Object.keys(slot.value ?? {});
    expect(kept).toHaveLength(KEPT_NUDGE_OUTCOMES);
    expect(kept.at(-1)).toBe(`hubspot:${KEPT_NUDGE_OUTCOMES + 4}`);
  });
});
