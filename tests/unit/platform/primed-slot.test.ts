/**
 * A primed slot answers its first read from one read made for many keys at once, and asks
 * storage itself from then on, or at once when it was written to first.
 */
import { describe, expect, it, vi } from 'vitest';
import { primedSlot, readAtOnce } from '../../../src/platform/primed-slot';
import { memorySlot } from '../popup/memory-slot';

function countingArea(items: Record<string, unknown>) {
  return {
    get: vi.fn(async (keys: string[]) =>
      Object.fromEntries(keys.filter((key) => key in items).map((key) => [key, items[key]])),
    ),
  };
}

describe('readAtOnce and primedSlot', () => {
  it('answers the first read of several slots from one storage read', async () => {
    const area = countingArea({ a: 1, b: 2 });
    const early = readAtOnce(area, ['a', 'b']);
    const a = memorySlot<number>(10);
    const b = memorySlot<number>(20);
    const readA = vi.spyOn(a, 'read');
    const primedA = primedSlot(a, 'a', early);
    const primedB = primedSlot(b, 'b', early);
    expect(await primedA.read()).toBe(1);
    expect(await primedB.read()).toBe(2);
    expect(area.get).toHaveBeenCalledTimes(1);
    expect(area.get).toHaveBeenCalledWith(['a', 'b']);
    expect(readA).not.toHaveBeenCalled();
  });

  it('asks the slot itself on every later read', async () => {
    const slot = memorySlot<number>(5);
    const primed = primedSlot(slot, 'a', readAtOnce(countingArea({ a: 1 }), ['a']));
    expect(await primed.read()).toBe(1);
    expect(await primed.read()).toBe(5);
  });

  it('answers undefined for a key the early read did not find', async () => {
    const primed = primedSlot(memorySlot<number>(), 'missing', readAtOnce(countingArea({}), ['missing']));
    expect(await primed.read()).toBeUndefined();
  });

  it('drops the early answer once the slot is written or cleared', async () => {
    const early = readAtOnce(countingArea({ a: 1, b: 2 }), ['a', 'b']);
    const written = primedSlot(memorySlot<number>(), 'a', early);
    await written.write(7);
    expect(await written.read()).toBe(7);
    const cleared = primedSlot(memorySlot<number>(9), 'b', early);
    await cleared.clear();
    expect(await cleared.read()).toBeUndefined();
  });

  it('falls back to the slot’s own read when the early read failed', async () => {
    const early = readAtOnce({ get: async () => Promise.reject(new Error('storage is gone')) }, ['a']);
    const primed = primedSlot(memorySlot<number>(3), 'a', early);
    expect(await primed.read()).toBe(3);
  });
});
