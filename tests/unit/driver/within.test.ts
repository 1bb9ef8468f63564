import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { within } from '../../../scripts/driver/within';

describe('within', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('settles as the work does when it answers in time', async () => {
    await expect(within(1000, 'an answer', Promise.resolve(42))).resolves.toBe(42);
    await expect(within(1000, 'an answer', Promise.reject(new Error('broken')))).rejects.toThrow('broken');
  });

  it('fails after the bound, naming what it waited for, when the work never settles', async () => {
    const waiting = within(15_000, "the popup's lang", new Promise(() => undefined));
    const failed = expect(waiting).rejects.toThrow("gave up after 15 s waiting for the popup's lang");
    await vi.advanceTimersByTimeAsync(15_000);
    await failed;
  });
});
