import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EndedCall } from '../../../src/background/call-tracker';
import { LiveCalls, type LiveCallsState } from '../../../src/background/live-calls';
import { createBackground } from '../../../src/background/message-handler';
import { callByKey, rateCall, recordEndedCall } from '../../../src/db/calls';
import { openReboundDb, type ReboundDb } from '../../../src/db/schema';
import type { PendingRoutine } from '../../../src/routine/pending-routine';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { memorySlot } from './fakes';

const NOW = new Date(2026, 10, 25, 10, 30).getTime();
const TAB = 4;
let db: ReboundDb;
let dbCount = 0;

beforeEach(() => {
  db = openReboundDb(`handler-${dbCount++}`);
});
afterEach(() => db.delete());

const fromTab = (tabId = TAB) => ({ id: 'rebound-test', tab: { id: tabId, url: 'https://crm.example/x' } }) as never;

function setup(supportContact = '') {
  const nudgedCalls = memorySlot<Record<string, number>>();
  const breathTab = memorySlot<number>();
  const dropped: string[] = [];
  const deps = {
    extensionId: 'rebound-test',
    extensionOrigin: 'chrome-extension://rebound-test/',
    db,
    liveCalls: new LiveCalls(memorySlot<LiveCallsState>()),
    nudgedCalls,
    pendingRoutine: memorySlot<PendingRoutine>(),
    breathTab,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, supportContact }),
    nudgeAfter: vi.fn(async () => undefined),
    snooze: vi.fn(async () => undefined),
    refreshBadge: vi.fn(async () => undefined),
    openRoutine: vi.fn(async () => undefined),
    now: () => NOW,
    onDropped: (reason: string) => dropped.push(reason),
  };
  return { background: createBackground(deps), deps, nudgedCalls, breathTab, dropped };
}

const ended = (id: string): EndedCall => ({
  callKey: `hubspot:${id}`,
  tabId: TAB,
  host: 'crm.example',
  source: 'hubspot',
  startedAt: NOW - 60_000,
  endedAt: NOW - 1000,
  durationMs: 59_000,
  outcome: 'completed',
  endReason: 'hang-up',
});

async function nudged(setupResult: ReturnType<typeof setup>, id: string) {
  await recordEndedCall(db, ended(id));
  await setupResult.nudgedCalls.write({ ...(await setupResult.nudgedCalls.read()), [`hubspot:${id}`]: TAB });
}

describe('background messages for the nudge', () => {
  it('records every ended call, then asks the nudge flow with the live count', async () => {
    const { background, deps } = setup();
    await background.handleTrackerEvent({
      kind: 'signal',
      tabId: TAB,
      host: 'crm.example',
      signal: { kind: 'ended', source: 'hubspot', callId: 'x', at: NOW, outcome: 'no-answer' },
    });
    expect(await callByKey(db, 'hubspot:x')).toMatchObject({ outcome: 'no-answer' });
    expect(deps.nudgeAfter).toHaveBeenCalledWith([expect.objectContaining({ callKey: 'hubspot:x' })], 0);
  });

  it('answers the third tough rating in a row with the escalation, not the first two', async () => {
    const s = setup('mailto:maria@acme.example');
    const replies: unknown[] = [];
    for (const id of ['a', 'b', 'c']) {
      await nudged(s, id);
      replies.push(
        await s.background.onMessage({ type: 'rate-call', callKey: `hubspot:${id}`, rating: 'tough' }, fromTab()),
      );
    }
    expect(replies.slice(0, 2)).toEqual([{ ok: true }, { ok: true }]);
    expect(replies[2]).toEqual({
      ok: true,
      escalation: { streak: 3, contact: { label: 'maria@acme.example', href: 'mailto:maria@acme.example' } },
    });
    expect(s.deps.refreshBadge).toHaveBeenCalledTimes(3);
  });

  it('snoozes only from the tab the call was nudged in', async () => {
    const s = setup();
    await nudged(s, 'a');
    expect(
      await s.background.onMessage({ type: 'snooze', callKey: 'hubspot:a', choice: '1h' }, fromTab(9)),
    ).toBeUndefined();
    expect(s.deps.snooze).not.toHaveBeenCalled();
    expect(await s.background.onMessage({ type: 'snooze', callKey: 'hubspot:a', choice: '1h' }, fromTab())).toEqual({
      ok: true,
    });
    expect(s.deps.snooze).toHaveBeenCalledWith('1h', NOW);
    expect(
      await s.background.onMessage({ type: 'snooze', callKey: 'hubspot:a', choice: 'forever' }, fromTab()),
    ).toBeUndefined();
  });

  it('records the toast breath as a quick reset after the call, which clears the badge', async () => {
    const s = setup();
    await nudged(s, 'a');
    await rateCall(db, 'hubspot:a', 'tough', NOW);
    expect(await s.background.onMessage({ type: 'breath-done', callKey: 'hubspot:a' }, fromTab())).toEqual({
      ok: true,
    });
    const call = await callByKey(db, 'hubspot:a');
    expect(await db.resets.toArray()).toEqual([
      { id: 1, kind: 'quick', callId: call?.id, startedAt: NOW - 5000, completedAt: NOW, steps: ['breathe-5'] },
    ]);
    expect(s.deps.refreshBadge).toHaveBeenCalled();
  });

  it('records a breath without a call only in the tab the shortcut opened it in, once', async () => {
    const s = setup();
    expect(await s.background.onMessage({ type: 'breath-done' }, fromTab())).toBeUndefined();
    await s.breathTab.write(TAB);
    expect(await s.background.onMessage({ type: 'breath-done' }, fromTab(9))).toBeUndefined();
    expect(await s.background.onMessage({ type: 'breath-done' }, fromTab())).toEqual({ ok: true });
    expect(await s.background.onMessage({ type: 'breath-done' }, fromTab())).toBeUndefined();
    expect(await db.resets.count()).toBe(1);
    expect(s.dropped).toContain('breath-done for a breath not asked for here');
  });

  it('drops a breath for a call nudged elsewhere, and the new messages from extension pages', async () => {
    const s = setup();
    await nudged(s, 'a');
    expect(await s.background.onMessage({ type: 'breath-done', callKey: 'hubspot:a' }, fromTab(9))).toBeUndefined();
    const page = { id: 'rebound-test', url: 'chrome-extension://rebound-test/popup/index.html' } as never;
    expect(await s.background.onMessage({ type: 'snooze', callKey: 'hubspot:a', choice: '1h' }, page)).toBeUndefined();
    expect(await db.resets.count()).toBe(0);
  });

  it('marks the last call tough (the shortcut), and says so when there is none', async () => {
    const s = setup();
    expect(await s.background.markLastCallTough()).toBe(false);
    await recordEndedCall(db, ended('old'));
    await recordEndedCall(db, { ...ended('last'), endedAt: NOW });
    expect(await s.background.markLastCallTough()).toBe(true);
    expect((await callByKey(db, 'hubspot:last'))?.rating).toBe('tough');
    expect((await callByKey(db, 'hubspot:old'))?.rating).toBeUndefined();
  });
});
