import { describe, expect, it } from 'vitest';
import type { TrackerEvent } from '../../src/background/call-tracker';
import { LiveCalls } from '../../src/background/live-calls';
import type { LiveCallsState } from '../../src/calls/live-calls-state';
import type { CallSignal } from '../../src/messages/call-signal';
import type { SessionSlot } from '../../src/platform/session-store';

/**
 * storage.session in memory, with its real asynchrony: reads and writes each take a macrotask,
 * and values are copied, so two unserialised updates would both read the same old state.
 */
function memorySlot<T>() {
  let value: T | undefined;
  let writes = 0;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const slot: SessionSlot<T> & { writes(): number; peek(): T | undefined; failWrites: number } = {
    failWrites: 0,
    async read() {
      await tick();
      return value === undefined ? undefined : structuredClone(value);
    },
    async write(next) {
      await tick();
      if (slot.failWrites > 0) {
        slot.failWrites--;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      writes++;
      value = structuredClone(next);
    },
    async clear() {
      await tick();
      value = undefined;
    },
    writes: () => writes,
    peek: () => value,
  };
  return slot;
}

const T0 = 1_700_000_000_000;
const signal = (tabId: number, fields: Omit<CallSignal, 'source'>): TrackerEvent => ({
  kind: 'signal',
  tabId,
  host: 'app.hubspot.com',
  signal: { source: 'hubspot', ...fields },
});

describe('LiveCalls', () => {
  it('starts from an empty state', async () => {
    const live = new LiveCalls(memorySlot<LiveCallsState>());
    expect(await live.liveCount()).toBe(0);
    expect(await live.unwritten()).toEqual([]);
  });

  it('serialises concurrent updates: 20 signals fired at once all land', async () => {
    const slot = memorySlot<LiveCallsState>();
    const live = new LiveCalls(slot);
    const results = Array.from({ length: 20 }, (_, index) =>
      live.apply(signal(index % 3, { kind: 'started', callId: `call-${index}`, at: T0 + index })),
    );
    const settled = await Promise.all(results);

    expect(settled.map((result) => result.liveCount)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await live.liveCount()).toBe(20);
    expect(Object.keys(slot.peek()?.tracker.live ?? {}).sort()).toEqual(
      Array.from({ length: 20 }, (_, index) => `hubspot:call-${index}`).sort(),
    );
    // The first is stored alone; the 19 that queued behind it are stored with one write.
    expect(slot.writes()).toBe(2);
  });

  it('serialises starts and ends fired together: every end finds its start', async () => {
    const live = new LiveCalls(memorySlot<LiveCallsState>());
    const pending: Promise<{ ended: unknown[] }>[] = [];
    for (let index = 0; index < 10; index++) {
      pending.push(live.apply(signal(1, { kind: 'started', callId: `c${index}`, at: T0 + index * 100 })));
      pending.push(live.apply(signal(1, { kind: 'ended', callId: `c${index}`, at: T0 + index * 100 + 50 })));
    }
    const results = await Promise.all(pending);
    expect(results.flatMap((result) => result.ended)).toHaveLength(10);
    expect(await live.liveCount()).toBe(0);
    const unwritten = await live.unwritten();
    expect(unwritten.map((call) => call.callKey)).toEqual(
      Array.from({ length: 10 }, (_, index) => `hubspot:c${index}`),
    );
    expect(unwritten.every((call) => call.durationMs === 50 && call.startedAt !== undefined)).toBe(true);
  });

  it('returns the calls an event ended and the number still live', async () => {
    const live = new LiveCalls(memorySlot<LiveCallsState>());
    await live.apply(signal(1, { kind: 'started', callId: 'a', at: T0 }));
    await live.apply(signal(2, { kind: 'started', callId: 'b', at: T0 }));
    const result = await live.apply(signal(1, { kind: 'ended', callId: 'a', at: T0 + 30_000, outcome: 'completed' }));
    expect(result.liveCount).toBe(1);
    expect(result.ended).toHaveLength(1);
    expect(result.ended[0]).toMatchObject({ callKey: 'hubspot:a', durationMs: 30_000, outcome: 'completed' });
  });

  it('returns the calls an event made live, and only then', async () => {
    const live = new LiveCalls(memorySlot<LiveCallsState>());
    const first = await live.apply(signal(1, { kind: 'started', callId: 'a', at: T0 }));
    expect(first.started.map((call) => [call.callKey, call.tabId])).toEqual([['hubspot:a', 1]]);
    expect((await live.apply(signal(1, { kind: 'answered', callId: 'a', at: T0 + 1_000 }))).started).toEqual([]);
    expect((await live.apply(signal(1, { kind: 'ended', callId: 'a', at: T0 + 2_000 }))).started).toEqual([]);
  });

  it('queues ended calls as unwritten until markWritten', async () => {
    const live = new LiveCalls(memorySlot<LiveCallsState>());
    await live.apply(signal(1, { kind: 'started', callId: 'a', at: T0 }));
    await live.apply(signal(1, { kind: 'ended', callId: 'a', at: T0 + 1_000 }));
    await live.apply(signal(1, { kind: 'ended', callId: 'b', at: T0 + 2_000 }));
    expect((await live.unwritten()).map((call) => call.callKey)).toEqual(['hubspot:a', 'hubspot:b']);

    await live.markWritten(['hubspot:a']);
    expect((await live.unwritten()).map((call) => call.callKey)).toEqual(['hubspot:b']);

    await live.markWritten(['hubspot:unknown']);
    expect((await live.unwritten()).map((call) => call.callKey)).toEqual(['hubspot:b']);

    await live.markWritten(['hubspot:b']);
    expect(await live.unwritten()).toEqual([]);
  });

  it('does not lose an unwritten call when markWritten races an apply', async () => {
    const live = new LiveCalls(memorySlot<LiveCallsState>());
    await live.apply(signal(1, { kind: 'ended', callId: 'a', at: T0 }));
    const racing = [
      live.markWritten(['hubspot:a']),
      live.apply(signal(1, { kind: 'ended', callId: 'b', at: T0 + 10 })),
      live.apply(signal(1, { kind: 'started', callId: 'c', at: T0 + 20 })),
    ];
    await Promise.all(racing);
    expect((await live.unwritten()).map((call) => call.callKey)).toEqual(['hubspot:b']);
    expect(await live.liveCount()).toBe(1);
  });

  it('continues the same live call after a service-worker restart (a new LiveCalls on the same slot)', async () => {
    const slot = memorySlot<LiveCallsState>();
    const before = new LiveCalls(slot);
    await before.apply(signal(4, { kind: 'started', callId: 'long', at: T0, direction: 'outbound' }));
    await before.apply(signal(4, { kind: 'answered', callId: 'long', at: T0 + 10_000 }));

    const after = new LiveCalls(slot);
    expect(await after.liveCount()).toBe(1);
    const result = await after.apply(
      signal(4, { kind: 'ended', callId: 'long', at: T0 + 130_000, outcome: 'completed' }),
    );
    expect(result.ended).toEqual([
      expect.objectContaining({
        callKey: 'hubspot:long',
        startedAt: T0,
        durationMs: 120_000,
        direction: 'outbound',
        endReason: 'hang-up',
      }),
    ]);
    expect(result.liveCount).toBe(0);
  });

  it('keeps unwritten calls across a restart', async () => {
    const slot = memorySlot<LiveCallsState>();
    await new LiveCalls(slot).apply(signal(1, { kind: 'ended', callId: 'a', at: T0 }));
    expect((await new LiveCalls(slot).unwritten()).map((call) => call.callKey)).toEqual(['hubspot:a']);
  });

  it('keeps going after a failed write: each update is tried alone, only the one that cannot be stored is lost', async () => {
    const slot = memorySlot<LiveCallsState>();
    const live = new LiveCalls(slot);
    await live.apply(signal(1, { kind: 'started', callId: 'a', at: T0 }));
    // The write of b and c together fails, then b's own write: c's lands.
    slot.failWrites = 2;
    const failed = live.apply(signal(1, { kind: 'started', callId: 'b', at: T0 + 1 }));
    const next = live.apply(signal(1, { kind: 'started', callId: 'c', at: T0 + 2 }));
    await expect(failed).rejects.toThrow('quota');
    await expect(next).resolves.toMatchObject({ ended: [], liveCount: 2, lateTalk: [] });
    expect(Object.keys(slot.peek()?.tracker.live ?? {}).sort()).toEqual(['hubspot:a', 'hubspot:c']);
  });

  it('loses nothing when only the write of a batch fails: its updates land one by one', async () => {
    const slot = memorySlot<LiveCallsState>();
    const live = new LiveCalls(slot);
    await live.apply(signal(1, { kind: 'started', callId: 'a', at: T0 }));
    slot.failWrites = 1;
    const queued = [
      live.apply(signal(1, { kind: 'started', callId: 'b', at: T0 + 1 })),
      live.apply(signal(1, { kind: 'ended', callId: 'a', at: T0 + 2 })),
    ];
    await expect(Promise.all(queued)).resolves.toHaveLength(2);
    expect(Object.keys(slot.peek()?.tracker.live ?? {})).toEqual(['hubspot:b']);
    expect((await live.unwritten()).map((call) => call.callKey)).toEqual(['hubspot:a']);
  });
});
