/** Issue 15, cold start: the worker reads its state and settings once, not on every call's way to the toast. */
import { describe, expect, it, vi } from 'vitest';
import { LiveCalls } from '../../../src/background/live-calls';
import { settingsCache } from '../../../src/background/settings-cache';
import type { LiveCallsState } from '../../../src/calls/live-calls-state';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { changesSettings } from '../../../src/settings/settings-store';
import { memorySlot } from '../fakes/memory-slot';

const T0 = 1_700_000_000_000;
const signal = (kind: 'started' | 'ended', callId: string, at: number) =>
  ({ kind: 'signal', tabId: 1, host: 'crm.example', signal: { kind, source: 'hubspot', callId, at } }) as const;

describe('the live calls’ state', () => {
  it('is read from storage once per worker, and written on every change', async () => {
    const slot = memorySlot<LiveCallsState>();
    const reads = vi.spyOn(slot, 'read');
    const writes = vi.spyOn(slot, 'write');
    const liveCalls = new LiveCalls(slot);
    liveCalls.prefetch();
    await liveCalls.apply(signal('started', 'a', T0));
    const { ended } = await liveCalls.apply(signal('ended', 'a', T0 + 5000));
    await liveCalls.markWritten(ended.map((call) => call.callKey));
    expect(await liveCalls.unwritten()).toEqual([]);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(writes).toHaveBeenCalledTimes(3);
    // What a worker started later finds: the same state.
    expect(await new LiveCalls(slot).liveCount()).toBe(0);
    expect(slot.value?.tracker.ended).toHaveProperty('hubspot:a');
  });

  it('is read again after a write that failed', async () => {
    const slot = memorySlot<LiveCallsState>();
    const liveCalls = new LiveCalls(slot);
    await liveCalls.apply(signal('started', 'a', T0));
    const reads = vi.spyOn(slot, 'read');
    vi.spyOn(slot, 'write').mockRejectedValueOnce(new Error('quota'));
    await expect(liveCalls.apply(signal('started', 'b', T0 + 10))).rejects.toThrow('quota');
    expect(await liveCalls.liveCount()).toBe(1);
    expect(reads).toHaveBeenCalledTimes(1);
  });
});

describe('the settings in force', () => {
  it('are read once, and again after they change', async () => {
    const load = vi.fn(async () => DEFAULT_SETTINGS);
    const settings = settingsCache(load);
    await Promise.all([settings.load(), settings.load()]);
    await settings.load();
    expect(load).toHaveBeenCalledTimes(1);
    settings.forget();
    await settings.load();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('are read again after a read that failed', async () => {
    const load = vi.fn(async () => DEFAULT_SETTINGS).mockRejectedValueOnce(new Error('storage'));
    const settings = settingsCache(load);
    await expect(settings.load()).rejects.toThrow('storage');
    await expect(settings.load()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it.each<[string, Record<string, unknown>, string, boolean]>([
    ['the rep’s own settings', { settings: {} }, 'local', true],
    ['the organization’s policy', { dialers: {} }, 'managed', true],
    ['the snooze', { snoozedUntil: {} }, 'local', false],
    ['session state', { settings: {} }, 'session', false],
  ])('a change to %s', (_label, changes, area, expected) => {
    expect(changesSettings(changes, area)).toBe(expected);
  });
});
