import { describe, expect, it } from 'vitest';
import { recoverAfterRestart } from '../../../src/background/browser-restart';
import {
  browserClosedCall,
  createShadowKeeper,
  type LiveCallShadows,
  nextShadows,
  SHADOW_ALARM,
  SHADOW_REFRESH_MS,
} from '../../../src/background/live-call-shadows';
import type { HeldNudge } from '../../../src/background/nudge-flow';
import type { EndedCall, LiveCall } from '../../../src/calls/call';
import type { OfferedNudge } from '../../../src/calls/offered-nudge';
import { memorySlot } from '../fakes/memory-slot';

const T0 = Date.UTC(2026, 10, 30, 14, 0);

const live = (id: string, patch: Partial<LiveCall> = {}): LiveCall => ({
  trackKey: `hubspot:${id}`,
  callKey: `hubspot:${id}`,
  tabId: 7,
  host: 'app.hubspot.com',
  source: 'hubspot',
  callId: id,
  direction: 'outbound',
  startedAt: T0,
  ...patch,
});

describe('nextShadows', () => {
  it('adds a started call, keeps it unwritten while fresh, refreshes it once 15 s old, drops it when it ends', () => {
    const first = nextShadows({}, [live('a')], T0);
    expect(first).toEqual({ changed: true, shadows: { 'hubspot:a': { call: live('a'), lastSeenAt: T0 } } });
    expect(nextShadows(first.shadows, [live('a')], T0 + SHADOW_REFRESH_MS - 1).changed).toBe(false);
    const refreshed = nextShadows(first.shadows, [live('a')], T0 + SHADOW_REFRESH_MS);
    expect(refreshed.changed).toBe(true);
    expect(refreshed.shadows['hubspot:a']?.lastSeenAt).toBe(T0 + SHADOW_REFRESH_MS);
    expect(nextShadows(refreshed.shadows, [], T0 + 20_000)).toEqual({ changed: true, shadows: {} });
  });

  it('a call that changes (answered) is written at once', () => {
    const first = nextShadows({}, [live('a')], T0);
    const answered = nextShadows(first.shadows, [live('a', { answeredAt: T0 + 3000 })], T0 + 3000);
    expect(answered.changed).toBe(true);
    expect(answered.shadows['hubspot:a']).toEqual({
      call: live('a', { answeredAt: T0 + 3000 }),
      lastSeenAt: T0 + 3000,
    });
  });
});

describe('browserClosedCall', () => {
  it('ends at the last time seen, counts from the answer, and marks the length approximate', () => {
    const ended = browserClosedCall({ call: live('a', { answeredAt: T0 + 5000 }), lastSeenAt: T0 + 65_000 });
    expect(ended).toEqual({
      callKey: 'hubspot:a',
      tabId: 7,
      host: 'app.hubspot.com',
      source: 'hubspot',
      direction: 'outbound',
      startedAt: T0,
      endedAt: T0 + 65_000,
      durationMs: 60_000,
      outcome: 'completed',
      endReason: 'browser-closed',
      approximate: true,
    } satisfies EndedCall);
  });

  it('a call never answered keeps an unknown outcome', () => {
    expect(browserClosedCall({ call: live('a'), lastSeenAt: T0 + 9000 })).toMatchObject({
      durationMs: 9000,
      outcome: 'unknown',
    });
  });
});

describe('createShadowKeeper', () => {
  it('writes only when the shadows change, and keeps an alarm while a call is live', async () => {
    const slot = memorySlot<LiveCallShadows>();
    const alarms: string[] = [];
    let now = T0;
    const keeper = createShadowKeeper({
      slot,
      now: () => now,
      alarms: {
        create: (name, info) => alarms.push(`create ${name} ${info.periodInMinutes}`),
        clear: async (name) => alarms.push(`clear ${name}`),
      },
    });
    await keeper.sync([live('a')]);
    const written = slot.value;
    now += 1000;
    await keeper.sync([live('a')]);
    expect(slot.value).toBe(written);
    now += SHADOW_REFRESH_MS;
    await keeper.sync([live('a')]);
    expect(slot.value?.['hubspot:a']?.lastSeenAt).toBe(now);
    await keeper.sync([]);
    expect(slot.value).toEqual({});
    expect(alarms).toEqual([`create ${SHADOW_ALARM} 0.5`, `clear ${SHADOW_ALARM}`]);
  });
});

describe('recoverAfterRestart', () => {
  const setup = (mark?: number) => {
    const queued: EndedCall[] = [];
    const deps = {
      sessionMark: memorySlot<number>(mark),
      shadows: memorySlot<LiveCallShadows>({
        'hubspot:a': { call: live('a', { answeredAt: T0 }), lastSeenAt: T0 + 30_000 },
      }),
      heldNudge: memorySlot<HeldNudge>({ call: browserClosedCall({ call: live('b'), lastSeenAt: T0 }) }),
      offeredNudge: memorySlot<OfferedNudge>(),
      queueUnwritten: async (calls: EndedCall[]) => {
        queued.push(...calls);
      },
      now: () => T0 + 3_600_000,
    };
    return { deps, queued };
  };

  it('on a new session: queues each shadow as browser-closed, once, and turns the held nudge into an offer', async () => {
    const { deps, queued } = setup();
    const closed = await recoverAfterRestart(deps);
    expect(closed).toEqual([browserClosedCall({ call: live('a', { answeredAt: T0 }), lastSeenAt: T0 + 30_000 })]);
    expect(queued).toEqual(closed);
    expect(deps.shadows.value).toBeUndefined();
    expect(deps.offeredNudge.value?.call.callKey).toBe('hubspot:b');
    expect(deps.heldNudge.value).toBeUndefined();
    expect(deps.sessionMark.value).toBe(T0 + 3_600_000);
    expect(await recoverAfterRestart(deps)).toEqual([]);
    expect(queued).toHaveLength(1);
  });

  it('a worker restart inside the session (the mark is there) changes nothing', async () => {
    const { deps, queued } = setup(T0);
    expect(await recoverAfterRestart(deps)).toEqual([]);
    expect(queued).toEqual([]);
    expect(Object.keys(deps.shadows.value ?? {})).toEqual(['hubspot:a']);
    expect(deps.heldNudge.value).toBeDefined();
    expect(deps.offeredNudge.value).toBeUndefined();
  });
});
