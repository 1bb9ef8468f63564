import { describe, expect, it } from 'vitest';
import { figuresOf, silenceShare, TalkRecorder, talkShare } from '../../../src/talk/conversation-figures';
import { MAX_TIMELINE_SPANS } from '../../../src/talk/talk-timeline';
import { series } from './talk-series';

describe('conversation figures from a recorded level series', () => {
  it('counts talk, overtalk, silence and the longest stretches of each side', () => {
    const talk = figuresOf(series('rrrrr bb oooooooo . ooo rr .. rrr'));
    expect(talk?.figures).toEqual({
      heardS: 26,
      repTalkS: 12,
      otherTalkS: 13,
      overtalkS: 2,
      // The single quiet second inside the other side's stretch is a breath, not a turn.
      longestOtherS: 12,
      longestRepS: 5,
      silenceS: 3,
      loudMoments: 0,
    });
    expect(talk?.timeline).toEqual([
      [1, 5],
      [3, 2],
      [2, 8],
      [0, 1],
      [2, 3],
      [1, 2],
      [0, 2],
      [1, 3],
    ]);
  });

  it('ends a stretch at two quiet seconds, and at the other side speaking', () => {
    expect(figuresOf(series('ooo..ooo'))?.figures.longestOtherS).toBe(3);
    expect(figuresOf(series('oooboooo'))?.figures.longestOtherS).toBe(4);
    expect(figuresOf(series('rrr.rrr'))?.figures.longestRepS).toBe(7);
  });

  it('counts loud moments against the other side’s own median, one per run', () => {
    expect(figuresOf(series('oooooo LL ooo L oooo LLL oo'))?.figures.loudMoments).toBe(3);
    // Steadily loud is just how they talk.
    expect(figuresOf(series('LLLLLLLLLL'))?.figures.loudMoments).toBe(0);
    // Too little of them speaking to have a usual level.
    expect(figuresOf(series('ooLo'))?.figures.loudMoments).toBe(0);
  });

  it('gives no figures when nothing was heard, never zeros', () => {
    expect(figuresOf([])).toBeUndefined();
    expect(new TalkRecorder().result()).toBeUndefined();
  });

  it('derives talk share and silence share', () => {
    const figures = figuresOf(series('rrr o ....'))?.figures;
    if (!figures) throw new Error('no figures');
    expect(talkShare(figures)).toBe(0.75);
    expect(silenceShare(figures)).toBe(0.5);
    expect(talkShare({ ...figures, repTalkS: 0, otherTalkS: 0 })).toBeUndefined();
  });

  it('keeps memory bounded on a call of hours: the timeline is coarsened, the totals stay exact', () => {
    const recorder = new TalkRecorder();
    const turns = series('rrro.'.repeat(3000));
    for (const sample of turns) recorder.add(sample);
    const talk = recorder.result();
    expect(talk?.timeline.length).toBeLessThanOrEqual(MAX_TIMELINE_SPANS);
    expect(talk?.timeline.reduce((sum, [, seconds]) => sum + seconds, 0)).toBe(15_000);
    expect(talk?.figures).toMatchObject({ heardS: 15_000, repTalkS: 9000, otherTalkS: 3000, silenceS: 3000 });
  });
});
