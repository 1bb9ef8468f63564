import { describe, expect, it } from 'vitest';
import { breathPattern, cueAt } from '../../../src/routine/breath-pace';
import { resetRow } from '../../../src/routine/reset-row';
import { ROUTINES, stepsFor } from '../../../src/routine/routines';

const ids = (kind: keyof typeof ROUTINES) => ROUTINES[kind].map((step) => step.id);
const practices = (kind: keyof typeof ROUTINES) => ROUTINES[kind].flatMap((step) => step.practices);

describe('routines', () => {
  it('quick is one breath', () => {
    expect(ids('quick')).toEqual(['breathe-5']);
  });

  it('after a call: rate → breathe → throw it away → reframe → lesson → follow-up → ready', () => {
    expect(ids('after-call')).toEqual([
      'rate',
      'breathe-5',
      'throw-it-away',
      'not-about-you',
      'learn',
      'follow-up',
      'positive',
    ]);
    expect(practices('after-call')).toEqual([
      'rate',
      'breathe-5',
      'throw-it-away',
      'not-about-you',
      'understand-why',
      'not-personal',
      'learn',
      'follow-up',
      'positive',
      'belief',
    ]);
  });

  it('went quiet ends with the last word; prep is the fact, the question, the role-play', () => {
    expect(ids('went-quiet')).toEqual(['ok-with-no', 'ask-feedback', 'dont-close', 'last-word']);
    expect(ROUTINES['went-quiet'].at(-1)?.kind).toBe('follow-up');
    expect(ids('prep')).toEqual(['tell-the-truth', 'ask-the-hard-question', 'role-play']);
  });

  it('after a rough run: the long breath, stay calm, support, role-play, belief and the next prospect', () => {
    expect(ids('rough-run')).toEqual(['breathe-5', 'stay-calm', 'support', 'role-play', 'belief']);
    expect(practices('rough-run')).toEqual(['breathe-5', 'stay-calm', 'support', 'role-play', 'belief', 'pipeline']);
    expect(ROUTINES['rough-run'][0]).toMatchObject({ kind: 'breathe', breathSeconds: 90 });
    expect(breathPattern(ROUTINES['rough-run'][0]?.breathSeconds ?? 0).style).toBe('sigh');
  });

  it('skips the rating when the nudge already rated the call', () => {
    expect(stepsFor('after-call', true).map((step) => step.id)[0]).toBe('breathe-5');
    expect(stepsFor('after-call', false).map((step) => step.id)[0]).toBe('rate');
  });
});

describe('breath pace', () => {
  it('5 s: one breath, in then out', () => {
    const pattern = breathPattern(5);
    expect(pattern).toMatchObject({ style: 'single', cycles: 1, cycleSeconds: 5 });
    expect(cueAt(pattern, 1)).toBe('in');
    expect(cueAt(pattern, 3)).toBe('out');
  });

  it('30 s: calm breaths with a longer out-breath', () => {
    const pattern = breathPattern(30);
    expect(pattern).toMatchObject({ style: 'calm', cycles: 5, cycleSeconds: 6 });
    expect(cueAt(pattern, 6.5)).toBe('in');
    expect(cueAt(pattern, 9)).toBe('out');
  });

  it('90 s: cyclic sighing, a breath in, a top-up, a long breath out', () => {
    const pattern = breathPattern(90);
    expect(pattern).toMatchObject({ style: 'sigh', cycles: 9, cycleSeconds: 10 });
    expect([1, 3, 5, 9].map((at) => cueAt(pattern, at))).toEqual(['in', 'top-up', 'out', 'out']);
    expect(cueAt(pattern, 11)).toBe('in');
  });
});

describe('reset row', () => {
  const base = { kind: 'after-call' as const, callId: 4, startedAt: 1, completedAt: 2 };

  it('holds steps, moods, causes, lesson, notes and the next prospect, trimmed', () => {
    expect(
      resetRow({
        ...base,
        done: ['rate', 'learn'],
        answers: {
          rating: 'tough',
          tags: ['delay'],
          moodBefore: 2,
          moodAfter: 4,
          causes: ['delay', 'their-day'],
          wentWell: ' Calm ',
          doDifferently: '',
          pipeline: ' Acme ',
          notes: { 'ok-with-no': ' fine ', 'ask-feedback': '  ' },
          followUpId: 9,
        },
      }),
    ).toEqual({
      ...base,
      steps: ['rate', 'learn'],
      tags: ['delay'],
      moodBefore: 2,
      moodAfter: 4,
      causes: ['delay', 'their-day'],
      lesson: { wentWell: 'Calm' },
      pipeline: 'Acme',
      notes: { 'ok-with-no': 'fine' },
      followUpId: 9,
    });
  });

  it('holds the stay-calm card and the support answer, only what was written', () => {
    expect(
      resetRow({
        ...base,
        kind: 'rough-run',
        done: ['stay-calm', 'support'],
        answers: {
          stayCalm: { acknowledge: ' The delay hurt ', pause: ' ', propose: 'Friday call' },
          support: 'not-now',
          supportNote: ' Tomorrow is a new day. ',
        },
      }),
    ).toEqual({
      ...base,
      kind: 'rough-run',
      steps: ['stay-calm', 'support'],
      stayCalm: { acknowledge: 'The delay hurt', propose: 'Friday call' },
      support: { answer: 'not-now', note: 'Tomorrow is a new day.' },
    });
    expect(resetRow({ ...base, done: [], answers: { stayCalm: { pause: '' } } })).toEqual({ ...base, steps: [] });
  });

  it('keeps what stuck only when the rep asked, and an empty step list when all was skipped', () => {
    expect(resetRow({ ...base, done: [], answers: { stuck: 'the shouting' } })).toEqual({ ...base, steps: [] });
    expect(resetRow({ ...base, done: [], answers: { stuck: 'my slip', keepStuck: true } }).thrownAway).toBe('my slip');
  });
});
