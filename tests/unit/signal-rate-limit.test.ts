import { describe, expect, it } from 'vitest';
import { signalRateLimit } from '../../src/background/signal-rate-limit';

const T0 = 1_700_000_000_000;

describe('signalRateLimit', () => {
  it('allows a burst, then drops until tokens refill at the steady rate', () => {
    const limit = signalRateLimit(3, 2);
    expect([1, 2, 3, 4].map(() => limit.allow(7, T0))).toEqual([true, true, true, false]);
    expect(limit.allow(7, T0 + 400)).toBe(false);
    expect(limit.allow(7, T0 + 500)).toBe(true);
    expect(limit.allow(7, T0 + 500)).toBe(false);
  });

  it('never refills past the burst', () => {
    const limit = signalRateLimit(2, 10);
    limit.allow(1, T0);
    const later = T0 + 60_000;
    expect([1, 2, 3].map(() => limit.allow(1, later))).toEqual([true, true, false]);
  });

  it('keeps tabs apart, and forgets a closed tab', () => {
    const limit = signalRateLimit(1, 0);
    expect(limit.allow(1, T0)).toBe(true);
    expect(limit.allow(1, T0)).toBe(false);
    expect(limit.allow(2, T0)).toBe(true);
    limit.forget(1);
    expect(limit.allow(1, T0)).toBe(true);
  });
});
