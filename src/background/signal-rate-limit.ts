/**
 * Caps the call signals one tab may send: a real dialer sends a handful per call, a hostile or
 * broken page could send thousands. A token bucket per tab: `burst` at once, then `perSecond`.
 */
export interface RateLimit {
  allow(tabId: number, at: number): boolean;
  forget(tabId: number): void;
}

export function signalRateLimit(burst = 30, perSecond = 2): RateLimit {
  const buckets = new Map<number, { tokens: number; at: number }>();
  return {
    allow(tabId, at) {
      const bucket = buckets.get(tabId) ?? { tokens: burst, at };
      const tokens = Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * perSecond);
      const allowed = tokens >= 1;
      buckets.set(tabId, { tokens: allowed ? tokens - 1 : tokens, at });
      return allowed;
    },
    forget(tabId) {
      buckets.delete(tabId);
    },
  };
}
