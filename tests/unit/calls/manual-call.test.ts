import { describe, expect, it } from 'vitest';
import {
  checkManualMinutes,
  MAX_MANUAL_MS,
  manualCall,
  type ParsedLength,
  parseManualLength,
} from '../../../src/calls/manual-call';

const NOW = Date.UTC(2026, 10, 25, 15, 0);

describe('the typed length of a call logged by hand', () => {
  it.each<[string, ParsedLength]>([
    ['', { ok: true }],
    ['   ', { ok: true }],
    ['5', { ok: true, durationMs: 5 * 60_000 }],
    [' 12 ', { ok: true, durationMs: 12 * 60_000 }],
    ['0', { ok: true, durationMs: 0 }],
    ['2.5', { ok: true, durationMs: 150_000 }],
    ['2,5', { ok: true, durationMs: 150_000 }],
    ['720', { ok: true, durationMs: MAX_MANUAL_MS }],
    ['720.5', { ok: false, problem: 'too-long' }],
    ['100000', { ok: false, problem: 'too-long' }],
    ['-1', { ok: false, problem: 'negative' }],
    ['-0.5', { ok: false, problem: 'negative' }],
    ['abc', { ok: false, problem: 'not-a-number' }],
    ['5 min', { ok: false, problem: 'not-a-number' }],
    ['1e3', { ok: false, problem: 'not-a-number' }],
    ['Infinity', { ok: false, problem: 'not-a-number' }],
    ['NaN', { ok: false, problem: 'not-a-number' }],
  ])('%j → %j', (typed, expected) => {
    expect(parseManualLength(typed)).toEqual(expected);
  });

  it('refuses minutes that are not a number, negative or over 12 hours', () => {
    expect(checkManualMinutes(Number.NaN)).toEqual({ ok: false, problem: 'not-a-number' });
    expect(checkManualMinutes(Number.POSITIVE_INFINITY)).toEqual({ ok: false, problem: 'not-a-number' });
    expect(checkManualMinutes(-3)).toEqual({ ok: false, problem: 'negative' });
    expect(checkManualMinutes(12 * 60 + 1)).toEqual({ ok: false, problem: 'too-long' });
    expect(checkManualMinutes(30)).toEqual({ ok: true, durationMs: 30 * 60_000 });
  });
});

describe('a call logged by hand', () => {
  it('ends now, starts its length before, and is a completed call of source manual', () => {
    expect(manualCall({ device: 'desk', durationMs: 15 * 60_000 }, NOW, 'x1')).toEqual({
      callKey: `manual:${NOW}-x1`,
      source: 'manual',
      host: '',
      startedAt: NOW - 15 * 60_000,
      endedAt: NOW,
      durationMs: 15 * 60_000,
      outcome: 'completed',
      endReason: 'hang-up',
      device: 'desk',
    });
  });

  it('without a length has no start and no length; missed, its outcome is unknown and its site kept', () => {
    expect(manualCall({ missed: true, host: 'crm.acme.example' }, NOW, 'x2')).toEqual({
      callKey: `manual:${NOW}-x2`,
      source: 'manual',
      host: 'crm.acme.example',
      endedAt: NOW,
      outcome: 'unknown',
      endReason: 'hang-up',
      missed: true,
    });
  });

  it('two logged in the same millisecond stay two calls', () => {
    expect(manualCall({}, NOW, 'a').callKey).not.toBe(manualCall({}, NOW, 'b').callKey);
  });

  it('refuses an impossible length even when the form was bypassed', () => {
    expect(() => manualCall({ durationMs: -1 }, NOW, 'x')).toThrow(RangeError);
    expect(() => manualCall({ durationMs: MAX_MANUAL_MS + 1 }, NOW, 'x')).toThrow(RangeError);
    expect(() => manualCall({ durationMs: Number.NaN }, NOW, 'x')).toThrow(RangeError);
  });
});
