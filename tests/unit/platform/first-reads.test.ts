/**
 * Issue 15, cold start: the worker's first answer reads its storage in one read per area; that
 * answer stands for a key until the key changes, whoever changes it.
 */
import { describe, expect, it, vi } from 'vitest';
import { firstReadSlot, firstReads, readThroughFirst } from '../../../src/platform/first-reads';
import { memorySlot } from '../popup/memory-slot';

function area(items: Record<string, unknown>) {
  return {
    get: vi.fn(async (keys: string[]) =>
      Object.fromEntries(keys.filter((key) => key in items).map((key) => [key, items[key]])),
    ),
  };
}

function changes() {
  const listeners: Array<(changes: Record<string, unknown>, areaName: string) => void> = [];
  return {
    addListener: (listener: (changes: Record<string, unknown>, areaName: string) => void) => listeners.push(listener),
    emit: (key: string, areaName: string) => {
      for (const listener of listeners) listener({ [key]: { newValue: 1 } }, areaName);
    },
  };
}

describe('firstReads', () => {
  it('reads every key in one storage call, and answers each slot from it', async () => {
    const session = area({ liveCalls: 'live', lastNudgeAt: 5 });
    const reads = firstReads(session, 'session', ['liveCalls', 'lastNudgeAt'], changes());
    const live = memorySlot<string>('slot');
    const readLive = vi.spyOn(live, 'read');
    expect(await firstReadSlot(live, 'liveCalls', reads).read()).toBe('live');
    expect(await firstReadSlot(memorySlot<number>(0), 'lastNudgeAt', reads).read()).toBe(5);
    expect(session.get).toHaveBeenCalledTimes(1);
    expect(session.get).toHaveBeenCalledWith(['liveCalls', 'lastNudgeAt']);
    expect(readLive).not.toHaveBeenCalled();
  });

  it('reads storage again once the key changed in that area, and only for that key', async () => {
    const heard = changes();
    const reads = firstReads(area({ snoozedUntil: 1, settings: 's' }), 'local', ['snoozedUntil', 'settings'], heard);
    heard.emit('snoozedUntil', 'session');
    const snooze = firstReadSlot(memorySlot<number>(99), 'snoozedUntil', reads);
    expect(await snooze.read()).toBe(1);
    heard.emit('snoozedUntil', 'local');
    expect(await snooze.read()).toBe(99);
    expect(await firstReadSlot(memorySlot<string>('now'), 'settings', reads).read()).toBe('s');
  });

  it('never answers with the old value after the worker wrote the key itself', async () => {
    const reads = firstReads(area({ nudgedCalls: { a: 1 } }), 'session', ['nudgedCalls'], changes());
    const slot = firstReadSlot(memorySlot<Record<string, number>>(), 'nudgedCalls', reads);
    expect(await slot.read()).toEqual({ a: 1 });
    const writing = slot.write({ b: 2 });
    expect(await slot.read()).toEqual({ b: 2 });
    await writing;
    await slot.clear();
    expect(await slot.read()).toBeUndefined();
  });

  it('falls back to its own read when the first read failed or never asked for the key', async () => {
    const failing = { get: vi.fn(async () => Promise.reject(new Error('storage is gone'))) };
    const reads = firstReads(failing, 'session', ['liveCalls'], changes());
    expect(await firstReadSlot(memorySlot<string>('own'), 'liveCalls', reads).read()).toBe('own');
    expect(await firstReadSlot(memorySlot<string>('other'), 'notAsked', reads).read()).toBe('other');
  });

  it('answers a reader of several keys from the first read, with only the keys asked for', async () => {
    const local = area({ settings: { minCallSeconds: 5 }, managedPolicyCopy: {}, snoozedUntil: 3 });
    const heard = changes();
    const reads = firstReads(local, 'local', ['settings', 'managedPolicyCopy', 'snoozedUntil'], heard);
    const read = readThroughFirst(local, reads);
    expect(await read(['settings'])).toEqual({ settings: { minCallSeconds: 5 } });
    expect(local.get).toHaveBeenCalledTimes(1);
    heard.emit('settings', 'local');
    expect(await read(['settings', 'snoozedUntil'])).toEqual({ settings: { minCallSeconds: 5 }, snoozedUntil: 3 });
    expect(local.get).toHaveBeenCalledTimes(2);
    expect(local.get).toHaveBeenLastCalledWith(['settings', 'snoozedUntil']);
  });
});
