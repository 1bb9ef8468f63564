/*
 * A call the rep logs by hand: one Rebound could not hear (a desk or mobile phone) or one it
 * missed. Pure: the popup builds it, the db stores it, the policy never nudges it.
 */

/** The `source` of every call logged by hand. */
export const MANUAL_SOURCE = 'manual';

export const MANUAL_DEVICES = ['phone', 'mobile', 'desk'] as const;
export type ManualDevice = (typeof MANUAL_DEVICES)[number];

/** The "about 5 / 15 / 30 min" chips. */
export const LENGTH_CHOICES_MINUTES = [5, 15, 30] as const;

/** No call a rep logs by hand is longer than a working day. */
export const MAX_MANUAL_MINUTES = 12 * 60;
export const MAX_MANUAL_MS = MAX_MANUAL_MINUTES * 60_000;

export type LengthProblem = 'not-a-number' | 'negative' | 'too-long';

export type ParsedLength = { ok: true; durationMs?: number } | { ok: false; problem: LengthProblem };

/**
 * The length field as typed, in minutes: empty means "not given" (the length is optional),
 * a comma counts as a decimal point.
 */
export function parseManualLength(typed: string): ParsedLength {
  const text = typed.trim().replace(',', '.');
  if (text === '') return { ok: true };
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false, problem: 'not-a-number' };
  return checkManualMinutes(Number(text));
}

/** Minutes from a chip or a parsed field: refused when negative, over 12 hours or not a number. */
export function checkManualMinutes(minutes: number): ParsedLength {
  if (!Number.isFinite(minutes)) return { ok: false, problem: 'not-a-number' };
  if (minutes < 0) return { ok: false, problem: 'negative' };
  if (minutes > MAX_MANUAL_MINUTES) return { ok: false, problem: 'too-long' };
  return { ok: true, durationMs: Math.round(minutes * 60_000) };
}

export interface ManualCallInput {
  /** Where the call happened, when the rep said. */
  device?: ManualDevice;
  durationMs?: number;
  /** Rebound should have heard this call and did not. */
  missed?: boolean;
  /** The site the rep was on when Rebound missed it, when the popup could read it. */
  host?: string;
}

/** What the db stores for a call logged by hand (less the id it assigns). */
export interface ManualCall {
  callKey: string;
  source: typeof MANUAL_SOURCE;
  host: string;
  startedAt?: number;
  endedAt: number;
  durationMs?: number;
  outcome: 'completed' | 'unknown';
  endReason: 'hang-up';
  device?: ManualDevice;
  missed?: true;
}

/**
 * The call as the rep described it, ending now. A missed call's outcome is unknown: the rep
 * says it happened, not how it ended. `unique` keeps two calls logged in the same millisecond apart.
 */
export function manualCall(input: ManualCallInput, now: number, unique: string): ManualCall {
  if (input.durationMs !== undefined && !checkManualMinutes(input.durationMs / 60_000).ok) {
    throw new RangeError(`A call logged by hand cannot last ${input.durationMs} ms`);
  }
  return {
    callKey: `${MANUAL_SOURCE}:${now}-${unique}`,
    source: MANUAL_SOURCE,
    host: input.host ?? '',
    endedAt: now,
    ...(input.durationMs === undefined ? {} : { startedAt: now - input.durationMs, durationMs: input.durationMs }),
    outcome: input.missed ? 'unknown' : 'completed',
    endReason: 'hang-up',
    ...(input.device ? { device: input.device } : {}),
    ...(input.missed ? { missed: true as const } : {}),
  };
}
