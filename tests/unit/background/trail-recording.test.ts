import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveCalls } from '../../../src/background/live-calls';
import { createBackground } from '../../../src/background/message-handler';
import { signalRateLimit } from '../../../src/background/signal-rate-limit';
import { TRAIL_WRITE_DELAY_MS, trailRecorder } from '../../../src/background/trail-recorder';
import type { DetectorTrails } from '../../../src/calls/detector-trail';
import type { LiveCallsState } from '../../../src/calls/live-calls-state';
import { openReboundDb, type ReboundDb } from '../../../src/db/schema';
import type { Runtime } from '../../../src/platform/browser';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { memorySlot } from '../fakes/memory-slot';

const EXTENSION_ID = 'rebound-test';
const EXTENSION_ORIGIN = 'chrome-extension://rebound-test/';
const NOW = 1_700_000_500_000;

const fromFrame = (frameId: number, tabId = 7): Runtime.MessageSender =>
  ({
    id: EXTENSION_ID,
    tab: {
      id: tabId,
      url: 'https://crm.acme.example/deals/1',
      index: 0,
      highlighted: true,
      active: true,
      pinned: false,
      incognito: false,
    },
    frameId,
    url: 'https://widget.example/phone',
  }) as Runtime.MessageSender;

let db: ReboundDb;
beforeEach(() => {
  db = openReboundDb(`trail-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

function setup() {
  const slot = memorySlot<DetectorTrails>();
  const trail = trailRecorder(slot, () => NOW, 0);
  const background = createBackground({
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    db,
    liveCalls: new LiveCalls(memorySlot<LiveCallsState>()),
    nudgedCalls: memorySlot(),
    pendingRoutine: memorySlot(),
    writeFailure: memorySlot(),
    breathTab: memorySlot(),
    loadSettings: async () => DEFAULT_SETTINGS,
    nudgeAfter: vi.fn(async () => undefined),
    snooze: vi.fn(async () => undefined),
    refreshBadge: async () => undefined,
    openRoutine: async () => undefined,
    now: () => NOW,
    signalLimit: signalRateLimit(),
    recordTrail: (tabId, host, entry) => trail.record({ tabId, host, entry }),
  });
  const entries = async (key = '7@crm.acme.example') => {
    await trail.settled();
    return slot.value?.[key]?.entries ?? [];
  };
  return { background, entries, slot, trail };
}

describe('the background keeps a trail of what each tab’s detector saw', () => {
  it('adapters per frame, signal kinds (not their ids or lengths), and drops by reason', async () => {
    const { background, entries } = setup();
    await background.onMessage({ type: 'detector-started', adapters: ['hubspot', 'webrtc'] }, fromFrame(0));
    await background.onMessage({ type: 'detector-started', adapters: ['ringcentral'] }, fromFrame(4));
    await background.onMessage(
      {
        type: 'call-signal',
        signal: { kind: 'ended', source: 'ringcentral', callId: 'secret-call-id', at: NOW, durationMs: 61_000 },
      },
      fromFrame(4),
    );
    await background.onMessage({ type: 'detector-dropped', reason: 'unrecognised-message', count: 3 }, fromFrame(4));
    await background.onMessage({ type: 'rate-call', callKey: 'hubspot:x', rating: 'tough' }, fromFrame(0));
    await background.onMessage({ type: 'call-signal', signal: { kind: 'nonsense' } }, fromFrame(0));
    expect(await entries()).toEqual([
      { kind: 'adapters', at: NOW, frameId: 0, adapters: ['hubspot', 'webrtc'] },
      { kind: 'adapters', at: NOW, frameId: 4, adapters: ['ringcentral'] },
      { kind: 'signal', at: NOW, frameId: 4, source: 'ringcentral', signal: 'ended' },
      { kind: 'dropped', at: NOW, frameId: 4, reason: 'unrecognised-message', count: 3 },
      { kind: 'dropped', at: NOW, frameId: 0, reason: 'rate-call for a call not nudged here', count: 1 },
      { kind: 'dropped', at: NOW, frameId: 0, reason: 'malformed', count: 1 },
    ]);
    expect(JSON.stringify(await entries())).not.toContain('secret-call-id');
  });

  it('counts signals over the tab’s budget as one line of drops', async () => {
    const { background, entries } = setup();
    for (let i = 0; i < 60; i++) {
      await background.onMessage(
        { type: 'call-signal', signal: { kind: 'started', source: 'hubspot', callId: `c${i}`, at: NOW } },
        fromFrame(0),
      );
    }
    const kept = await entries();
    expect(kept.filter((entry) => entry.kind === 'signal')).toHaveLength(30);
    expect(kept.at(-1)).toEqual({
      kind: 'dropped',
      at: NOW,
      frameId: 0,
      reason: 'call-signal over the rate limit',
      count: 30,
    });
  });

  it('keeps no trail for extension pages or strangers', async () => {
    const { background, slot, trail } = setup();
    await background.onMessage(
      { type: 'detector-started', adapters: [] },
      { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup/index.html` },
    );
    await background.onMessage(
      { bogus: true },
      { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}options/index.html`, tab: fromFrame(0).tab },
    );
    await background.onMessage({ type: 'detector-started', adapters: [] }, { ...fromFrame(0), id: 'someone-else' });
    await background.onMessage({ bogus: true }, { ...fromFrame(0), id: 'someone-else' });
    await trail.settled();
    expect(slot.value).toBeUndefined();
  });

  it('refuses a report with a reason or count it does not know', async () => {
    const { background, entries } = setup();
    await background.onMessage({ type: 'detector-dropped', reason: '+1 415 555 0134', count: 1 }, fromFrame(0));
    await background.onMessage({ type: 'detector-dropped', reason: 'frame-signal-limit', count: -1 }, fromFrame(0));
    await background.onMessage({ type: 'detector-started', adapters: ['Not An Id'] }, fromFrame(0));
    expect(await entries()).toEqual([{ kind: 'dropped', at: NOW, frameId: 0, reason: 'malformed', count: 3 }]);
  });
});

describe('the trail recorder', () => {
  it('waits before it writes, so its write never sits between a call’s end and its toast', async () => {
    vi.useFakeTimers();
    try {
      const slot = memorySlot<DetectorTrails>();
      const write = vi.spyOn(slot, 'write');
      const recorder = trailRecorder(slot, () => NOW);
      recorder.record({
        tabId: 1,
        host: 'a.example',
        entry: { kind: 'signal', at: NOW, frameId: 0, source: 'hubspot', signal: 'ended' },
      });
      await vi.advanceTimersByTimeAsync(TRAIL_WRITE_DELAY_MS - 1);
      expect(write).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      await recorder.settled();
      expect(write).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes what arrives during a write with the next one: two writes for a burst', async () => {
    const slot = memorySlot<DetectorTrails>();
    const write = vi.spyOn(slot, 'write');
    const recorder = trailRecorder(slot, () => NOW, 0);
    for (let i = 0; i < 50; i++) {
      recorder.record({
        tabId: 1,
        host: 'a.example',
        entry: { kind: 'signal', at: NOW, frameId: 0, source: 'hubspot', signal: 'started' },
      });
    }
    await recorder.settled();
    expect(write.mock.calls.length).toBeLessThanOrEqual(2);
    expect(slot.value?.['1@a.example']?.entries).toHaveLength(50);
  });
});
