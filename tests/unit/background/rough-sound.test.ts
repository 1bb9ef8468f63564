import { describe, expect, it } from 'vitest';
import { decideNudge } from '../../../src/background/nudge-policy';
import { whyAsked } from '../../../src/background/nudger';
import type { EndedCall } from '../../../src/calls/call';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import type { CallTalk, ConversationFigures } from '../../../src/talk/conversation-figures';
import { type RoughSound, roughSoundOf } from '../../../src/talk/rough-sound';

const NOW = new Date(2026, 10, 25, 10, 30).getTime();

const talk = (figures: Partial<ConversationFigures>): CallTalk => ({
  figures: {
    heardS: 60,
    repTalkS: 20,
    otherTalkS: 20,
    overtalkS: 0,
    longestOtherS: 10,
    longestRepS: 10,
    silenceS: 20,
    loudMoments: 0,
    ...figures,
  },
  timeline: [],
});

const call = (overrides: Partial<EndedCall>): EndedCall => ({
  callKey: 'webrtc:a-1',
  tabId: 3,
  host: 'dialer.example',
  source: 'webrtc',
  startedAt: NOW - 15_000,
  endedAt: NOW,
  durationMs: 15_000,
  outcome: 'completed',
  endReason: 'hang-up',
  ...overrides,
});

describe('a call that sounds rough', () => {
  it.each<[string, Partial<ConversationFigures>, RoughSound | undefined]>([
    ['a calm call', {}, undefined],
    [
      'half a minute of overtalk',
      { overtalkS: 30, repTalkS: 200, otherTalkS: 200 },
      { kind: 'talked-over', seconds: 30 },
    ],
    ['29 s of overtalk on a long call', { overtalkS: 29, repTalkS: 200, otherTalkS: 200 }, undefined],
    [
      'a short call mostly talked over',
      { heardS: 15, repTalkS: 10, otherTalkS: 12, overtalkS: 8 },
      { kind: 'talked-over', seconds: 8 },
    ],
    ['a short call with a little overtalk', { heardS: 15, repTalkS: 10, otherTalkS: 12, overtalkS: 4 }, undefined],
    ['a minute and a half of them talking', { longestOtherS: 90 }, { kind: 'long-monologue', seconds: 90 }],
    ['89 s of them talking', { longestOtherS: 89 }, undefined],
    ['three loud moments', { loudMoments: 3 }, { kind: 'loud', moments: 3 }],
    ['two loud moments', { loudMoments: 2 }, undefined],
    ['the rep talking for long is not rough', { longestRepS: 300, repTalkS: 300 }, undefined],
    [
      'overtalk is named before a monologue',
      { overtalkS: 40, longestOtherS: 120 },
      { kind: 'talked-over', seconds: 40 },
    ],
  ])('%s', (_label, figures, expected) => {
    expect(roughSoundOf(talk(figures))).toEqual(expected);
  });

  it('has no rough sound without figures', () => {
    expect(roughSoundOf(undefined)).toBeUndefined();
  });

  it.each<[string, Partial<EndedCall>, string]>([
    ['a short rough call is nudged, and says why', { talk: talk({ heardS: 15, overtalkS: 10 }) }, 'nudge'],
    ['a short calm call is not', { talk: talk({ heardS: 15 }) }, 'none'],
    ['a short call without figures is not', {}, 'none'],
    ['a rough call with a skipped outcome is not', { outcome: 'voicemail', talk: talk({ overtalkS: 40 }) }, 'none'],
  ])('%s', (_label, overrides, kind) => {
    const decision = decideNudge(call(overrides), DEFAULT_SETTINGS, { now: NOW, liveCalls: 0, toughStreak: 0 });
    expect(decision.kind).toBe(kind);
    if (decision.kind === 'nudge') expect(decision.rough).toEqual({ kind: 'talked-over', seconds: 10 });
  });

  it('still waits for the cooldown: a rough call is asked about, not asked about twice', () => {
    const decision = decideNudge(call({ talk: talk({ overtalkS: 40 }) }), DEFAULT_SETTINGS, {
      now: NOW,
      liveCalls: 0,
      toughStreak: 0,
      lastNudgeAt: NOW - 30_000,
    });
    expect(decision).toEqual({ kind: 'none', reason: 'cooldown' });
  });

  it('says why in the rep’s words', () => {
    expect(whyAsked({ kind: 'talked-over', seconds: 70 })).toBe('They talked over you for 1:10.');
    expect(whyAsked({ kind: 'long-monologue', seconds: 95 })).toBe('They held the floor for 1:35 without a break.');
    expect(whyAsked({ kind: 'loud', moments: 4 })).toBe('It got loud 4 times.');
    expect(whyAsked(undefined)).toBeUndefined();
  });
});
