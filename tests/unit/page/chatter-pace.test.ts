import { describe, expect, it } from 'vitest';
import { CHATTER_PER_SECOND, chatterPace } from '../../../src/page/chatter-pace';

/** Posts `count` messages from `sender` spread over the whole second `second`; how many were skipped. */
function second(pace: ReturnType<typeof chatterPace>, sender: object, at: number, count: number): number {
  let skipped = 0;
  for (let n = 0; n < count; n++) if (pace.skip(sender, at * 1000 + (n * 1000) / count)) skipped += 1;
  return skipped;
}

describe('chatter pace', () => {
  it('reads a flooding sender for its first whole seconds, then skips it while it keeps the pace', () => {
    const pace = chatterPace();
    const chat = {};
    const skippedPerSecond = [0, 1, 2, 3, 4, 5].map((at) => second(pace, chat, at, 150));
    expect(skippedPerSecond).toEqual([0, 0, 0, 150, 150, 150]);
  });

  it('reads every message of a sender below the mark, however long it keeps talking', () => {
    const pace = chatterPace();
    const quiet = {};
    let skipped = 0;
    for (let at = 0; at < 60; at++) skipped += second(pace, quiet, at, CHATTER_PER_SECOND - 1);
    expect(skipped).toBe(0);
  });

  it('reads a sender again from the second after one below the mark, or after a silent second', () => {
    const pace = chatterPace();
    const chat = {};
    for (let at = 0; at < 4; at++) second(pace, chat, at, 150);
    expect(second(pace, chat, 4, 10)).toBe(10);
    expect(second(pace, chat, 5, 150)).toBe(0);

    for (let at = 6; at < 9; at++) second(pace, chat, at, 150);
    expect(second(pace, chat, 9, 150)).toBe(150);
    // Second 10 silent: second 11 follows no busy second.
    expect(second(pace, chat, 11, 150)).toBe(0);
  });

  it('never skips a sender that posted a dialer’s kind, and counts each sender apart', () => {
    const pace = chatterPace();
    const dialer = {};
    const chat = {};
    pace.skip(dialer, 0);
    pace.heardDialer(dialer);
    let dialerSkipped = 0;
    let chatSkipped = 0;
    for (let at = 0; at < 8; at++) {
      dialerSkipped += second(pace, dialer, at, 200);
      chatSkipped += second(pace, chat, at, 200);
    }
    expect(dialerSkipped).toBe(0);
    expect(chatSkipped).toBe(5 * 200);
  });
});
