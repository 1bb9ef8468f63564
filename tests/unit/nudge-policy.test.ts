import { describe, expect, it } from 'vitest';
import {
  decideHeldNudge,
  decideNudge,
  escalates,
  HELD_NUDGE_MAX_AGE_MS,
  type NudgeContext,
  type NudgeDecision,
  toughStreakOf,
  withinWorkingHours,
} from '../../src/background/nudge-policy';
import type { EndedCall } from '../../src/calls/call';
import type { WorkingHours } from '../../src/settings/nudge-settings';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';

// Wednesday 25 November 2026, local time: every clock below is local, whatever the machine's zone.
const at = (hour: number, minute = 0, date = 25) => new Date(2026, 10, date, hour, minute).getTime();
const NOW = at(10, 30);
const MIN = 60_000;

const call = (overrides: Partial<EndedCall> = {}): EndedCall => ({
  callKey: 'hubspot:1',
  tabId: 7,
  host: 'app.example',
  source: 'hubspot',
  startedAt: NOW - 5 * MIN,
  endedAt: NOW,
  durationMs: 5 * MIN,
  outcome: 'completed',
  endReason: 'hang-up',
  ...overrides,
});

const context = (overrides: Partial<NudgeContext> = {}): NudgeContext => ({
  now: NOW,
  liveCalls: 0,
  toughStreak: 0,
  ...overrides,
});

const settings = (overrides: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...overrides });

const OFFICE: WorkingHours = { enabled: true, startMinute: 9 * 60, endMinute: 17 * 60, days: [1, 2, 3, 4, 5] };
const NIGHT_SHIFT: WorkingHours = { enabled: true, startMinute: 22 * 60, endMinute: 6 * 60, days: [3] };

const NUDGE: NudgeDecision = { kind: 'nudge', escalate: false };
const ESCALATED: NudgeDecision = { kind: 'nudge', escalate: true };
const HOLD: NudgeDecision = { kind: 'hold' };
const none = (reason: string): NudgeDecision => ({ kind: 'none', reason }) as NudgeDecision;

describe('decideNudge, one rule at a time', () => {
  it.each<[string, Partial<EndedCall>, Partial<Settings>, Partial<NudgeContext>, NudgeDecision]>([
    ['an ordinary call', {}, {}, {}, NUDGE],
    ['a call logged by hand', { source: 'manual' }, {}, {}, none('logged-by-hand')],
    [
      'a call logged by hand, even a tough run past the cooldown',
      { source: 'manual' },
      { toughStreak: 1 },
      { toughStreak: 5 },
      none('logged-by-hand'),
    ],
    [
      'a call logged by hand with no length',
      { source: 'manual', durationMs: undefined, startedAt: undefined },
      {},
      {},
      none('logged-by-hand'),
    ],
    ['shorter than the minimum', { durationMs: 19_999 }, {}, {}, none('too-short')],
    ['exactly the minimum', { durationMs: 20_000 }, {}, {}, NUDGE],
    ['a minimum of zero', { durationMs: 0 }, { minCallSeconds: 0 }, {}, NUDGE],
    ['zero length', { durationMs: 0 }, {}, {}, none('too-short')],
    ['a higher minimum', { durationMs: 119_000 }, { minCallSeconds: 120 }, {}, none('too-short')],
    ['length unknown', { durationMs: undefined, startedAt: undefined }, {}, {}, NUDGE],
    ['an unknown outcome is not skipped by default', { outcome: 'unknown' }, {}, {}, NUDGE],
    ['skipping unknown outcomes', { outcome: 'unknown' }, { skipOutcomes: ['unknown'] }, {}, none('skipped-outcome')],
    ['no answer (skipped by default)', { outcome: 'no-answer' }, {}, {}, none('skipped-outcome')],
    ['busy (skipped by default)', { outcome: 'busy' }, {}, {}, none('skipped-outcome')],
    ['voicemail (skipped by default)', { outcome: 'voicemail' }, {}, {}, none('skipped-outcome')],
    ['an outcome the rep un-skipped', { outcome: 'voicemail' }, { skipOutcomes: [] }, {}, NUDGE],
    ['an outcome the rep added', { outcome: 'failed' }, { skipOutcomes: ['failed'] }, {}, none('skipped-outcome')],
    ['another call live', {}, {}, { liveCalls: 1 }, HOLD],
    ['several calls live', {}, {}, { liveCalls: 3 }, HOLD],
    ['inside working hours', {}, { workingHours: OFFICE }, {}, NUDGE],
    ['after working hours', {}, { workingHours: OFFICE }, { now: at(17, 0) }, none('outside-hours')],
    ['before working hours', {}, { workingHours: OFFICE }, { now: at(8, 59) }, none('outside-hours')],
    ['on a day off (Saturday)', {}, { workingHours: OFFICE }, { now: at(10, 30, 28) }, none('outside-hours')],
    ['hours turned off', {}, { workingHours: { ...OFFICE, enabled: false } }, { now: at(3, 0) }, NUDGE],
    ['snoozed', {}, {}, { snoozedUntil: NOW + 1 }, none('snoozed')],
    ['the snooze just ended', {}, {}, { snoozedUntil: NOW }, NUDGE],
    ['inside the cooldown', {}, { cooldownMinutes: 2 }, { lastNudgeAt: NOW - 2 * MIN + 1 }, none('cooldown')],
    ['the cooldown just passed', {}, { cooldownMinutes: 2 }, { lastNudgeAt: NOW - 2 * MIN }, NUDGE],
    ['no cooldown set', {}, { cooldownMinutes: 0 }, { lastNudgeAt: NOW }, NUDGE],
    ['a tough streak one short', {}, {}, { toughStreak: 2 }, NUDGE],
    ['a tough streak reached', {}, {}, { toughStreak: 3 }, ESCALATED],
    ['a tough streak past the setting', {}, {}, { toughStreak: 5 }, ESCALATED],
    ['a custom streak length', {}, { toughStreak: 2 }, { toughStreak: 2 }, ESCALATED],
    ['escalation turned off', {}, { toughStreak: 0 }, { toughStreak: 9 }, NUDGE],
  ])('%s', (_name, callOverrides, settingOverrides, contextOverrides, expected) => {
    expect(decideNudge(call(callOverrides), settings(settingOverrides), context(contextOverrides))).toEqual(expected);
  });
});

describe('decideNudge for meetings (their own switch and minimum, default on from 5 minutes)', () => {
  const meet: Partial<EndedCall> = { source: 'webrtc', host: 'meet.google.com' };
  const teams: Partial<EndedCall> = { source: 'webrtc', host: 'teams.microsoft.com' };
  const off: Partial<Settings> = { meetingNudges: { enabled: false, minMinutes: 5 } };

  it.each<[string, Partial<EndedCall>, Partial<Settings>, Partial<NudgeContext>, NudgeDecision]>([
    ['a 5-minute meeting', { ...meet, durationMs: 5 * MIN }, {}, {}, NUDGE],
    ['a 4-minute stand-up', { ...meet, durationMs: 5 * MIN - 1 }, {}, {}, none('too-short')],
    [
      'a 1-minute meeting passes the call minimum but not the meeting one',
      { ...teams, durationMs: MIN },
      {},
      {},
      none('too-short'),
    ],
    ['meetings turned off', { ...meet, durationMs: 60 * MIN }, off, {}, none('meetings-off')],
    [
      'a longer meeting minimum',
      { ...meet, durationMs: 14 * MIN },
      { meetingNudges: { enabled: true, minMinutes: 15 } },
      {},
      none('too-short'),
    ],
    [
      'a meeting minimum of zero',
      { ...meet, durationMs: 0 },
      { meetingNudges: { enabled: true, minMinutes: 0 } },
      {},
      NUDGE,
    ],
    ['a meeting of unknown length', { ...meet, durationMs: undefined }, {}, {}, NUDGE],
    ['a meeting while a call is live: held', { ...meet, durationMs: 30 * MIN }, {}, { liveCalls: 1 }, HOLD],
    [
      'turned off while a call is live: never held',
      { ...meet, durationMs: 30 * MIN },
      off,
      { liveCalls: 1 },
      none('meetings-off'),
    ],
    ['a skipped outcome comes first', { ...meet, outcome: 'no-answer' }, off, {}, none('skipped-outcome')],
    [
      'a call heard by audio on a dialer site keeps the call minimum',
      { source: 'webrtc', host: 'app.orum.com', durationMs: MIN },
      {},
      {},
      NUDGE,
    ],
    [
      "a call on the rep's own site keeps the call minimum",
      { source: 'webrtc', host: 'crm.acme.test', durationMs: MIN },
      {},
      {},
      NUDGE,
    ],
    ['meetings off does not touch dialer calls', { durationMs: MIN }, off, {}, NUDGE],
  ])('%s', (_name, callOverrides, settingOverrides, contextOverrides, expected) => {
    expect(decideNudge(call(callOverrides), settings(settingOverrides), context(contextOverrides))).toEqual(expected);
  });
});

describe('decideNudge, rules combined (the first that applies wins)', () => {
  const skipped: Partial<EndedCall> = { outcome: 'no-answer' };
  const short: Partial<EndedCall> = { durationMs: 1000 };
  const live: Partial<NudgeContext> = { liveCalls: 1 };
  const night: Partial<NudgeContext> = { now: at(20, 0) };
  const snoozed: Partial<NudgeContext> = { snoozedUntil: NOW + 30 * MIN };
  const cooling: Partial<NudgeContext> = { lastNudgeAt: NOW - MIN };
  const streak: Partial<NudgeContext> = { toughStreak: 3 };
  const office: Partial<Settings> = { workingHours: OFFICE };

  it.each<[string, Partial<EndedCall>, Partial<Settings>, Partial<NudgeContext>, NudgeDecision]>([
    ['skipped and short', { ...skipped, ...short }, {}, {}, none('skipped-outcome')],
    ['skipped while another call is live: never held', skipped, {}, live, none('skipped-outcome')],
    ['short while another call is live: never held', short, {}, live, none('too-short')],
    ['length unknown while another call is live: held', { durationMs: undefined }, {}, live, HOLD],
    ['live, outside hours: held (hours are asked again on release)', {}, office, { ...live, ...night }, HOLD],
    ['live and snoozed: held (the snooze may end first)', {}, {}, { ...live, ...snoozed }, HOLD],
    ['live and cooling down: held', {}, {}, { ...live, ...cooling }, HOLD],
    ['live with a tough streak: held', {}, {}, { ...live, ...streak }, HOLD],
    ['outside hours and snoozed', {}, office, { ...night, ...snoozed }, none('outside-hours')],
    ['outside hours and cooling down', {}, office, { ...night, ...cooling }, none('outside-hours')],
    ['snoozed and cooling down', {}, {}, { ...snoozed, ...cooling }, none('snoozed')],
    ['a tough streak gets through the cooldown', {}, {}, { ...cooling, ...streak }, ESCALATED],
    ['a tough streak does not get through a snooze', {}, {}, { ...snoozed, ...streak }, none('snoozed')],
    ['a tough streak does not get through the hours', {}, office, { ...night, ...streak }, none('outside-hours')],
    ['short with a tough streak', short, {}, streak, none('too-short')],
    [
      'everything at once',
      { ...skipped, ...short },
      office,
      { ...live, ...night, ...snoozed, ...cooling, ...streak },
      none('skipped-outcome'),
    ],
  ])('%s', (_name, callOverrides, settingOverrides, contextOverrides, expected) => {
    expect(decideNudge(call(callOverrides), settings(settingOverrides), context(contextOverrides))).toEqual(expected);
  });
});

describe('decideHeldNudge', () => {
  it.each<[string, Partial<NudgeContext>, NudgeDecision]>([
    ['released as soon as no call is live', {}, NUDGE],
    ['held again while another call is still live', { liveCalls: 1 }, HOLD],
    ['dropped when it has gone stale', { now: NOW + HELD_NUDGE_MAX_AGE_MS + 1 }, none('stale')],
    ['not stale at exactly the limit', { now: NOW + HELD_NUDGE_MAX_AGE_MS }, NUDGE],
    ['quiet when the rep snoozed meanwhile', { snoozedUntil: NOW + MIN }, none('snoozed')],
    ['escalated when the rep rated a third tough call meanwhile', { toughStreak: 3 }, ESCALATED],
  ])('%s', (_name, contextOverrides, expected) => {
    expect(decideHeldNudge(call(), settings(), context(contextOverrides))).toEqual(expected);
  });
});

describe('withinWorkingHours', () => {
  it.each<[string, WorkingHours, number, boolean]>([
    ['start is inside', OFFICE, at(9, 0), true],
    ['end is outside', OFFICE, at(17, 0), false],
    ['a weekday outside the set days', { ...OFFICE, days: [1, 2] }, at(12, 0), false],
    ['no days at all', { ...OFFICE, days: [] }, at(12, 0), false],
    ['start equal to end means the whole day', { ...OFFICE, endMinute: 9 * 60 }, at(3, 0), true],
    ['a night shift, evening of its day', NIGHT_SHIFT, at(23, 0), true],
    ['a night shift, after midnight counts for the day it began', NIGHT_SHIFT, at(2, 0, 26), true],
    ['a night shift, after midnight of the wrong day', NIGHT_SHIFT, at(2, 0), false],
    ['a night shift, at its end', NIGHT_SHIFT, at(6, 0, 26), false],
    ['a night shift, daytime', NIGHT_SHIFT, at(12, 0), false],
  ])('%s', (_name, hours, now, expected) => {
    expect(withinWorkingHours(hours, now)).toBe(expected);
  });
});

describe('toughStreakOf', () => {
  it.each<[string, ('fine' | 'so-so' | 'tough' | undefined)[], number]>([
    ['no calls', [], 0],
    ['three tough', ['tough', 'tough', 'tough'], 3],
    ['broken by a fine call', ['tough', 'tough', 'fine', 'tough'], 2],
    ['broken by a so-so call', ['so-so', 'tough', 'tough'], 0],
    ['unrated calls are passed over', ['tough', undefined, 'tough', undefined, 'tough'], 3],
  ])('%s', (_name, ratings, expected) => {
    expect(toughStreakOf(ratings)).toBe(expected);
  });

  it('escalates at the setting, never when it is 0', () => {
    expect(escalates(3, settings())).toBe(true);
    expect(escalates(2, settings())).toBe(false);
    expect(escalates(3, settings({ toughStreak: 0 }))).toBe(false);
  });
});
