import { describe, expect, it } from 'vitest';
import { isSpeech } from '../../../src/page/webrtc-channel';

/** The index of the last sample that counts as speech, each judged against the one before it. */
function lastSpeech(levels: readonly number[]): number {
  return levels.reduce((last, level, i) => (isSpeech(level, levels[i - 1] ?? 0) ? i : last), -1);
}

describe('a quarter-second sample is speech, not the meter fading after it', () => {
  // The far side's level in quarter-second samples around the end of a turn, from Chromium 156's
  // inbound-rtp energy on the open-line bench call (a 0.3 tone that stops): the meter holds the
  // last speech block, then fades by four each ~110 ms.
  it.each([
    { levels: [306, 306, 307, 277, 38, 1], last: 3 },
    { levels: [305, 305, 305, 271, 35, 2], last: 3 },
    { levels: [306, 305, 305, 307, 197, 9, 0], last: 4 },
    { levels: [305, 306, 306, 305, 242, 13, 1], last: 4 },
    { levels: [305, 307, 305, 307, 51, 3, 0], last: 3 },
    { levels: [306, 306, 306, 307, 218, 11, 1], last: 4 },
  ])('ends with the last sample that held speech, not its fade: $levels', ({ levels, last }) => {
    expect(lastSpeech(levels)).toBe(last);
  });

  it('keeps a quieter turn that follows a loud one, from its second sample on', () => {
    // Shouting (900), then a normal voice (200) for a second: the first quiet sample could be the
    // fade, the ones after it are speech at their own level.
    expect(lastSpeech([900, 900, 200, 200, 200, 200, 0])).toBe(5);
  });

  it('counts nothing under the speaking level, whatever came before', () => {
    expect(lastSpeech([0, 9, 5, 2])).toBe(-1);
  });
});
