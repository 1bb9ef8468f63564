import { describe, expect, it } from 'vitest';
import { METER_HOLD_MS, OpenLineSplitter, type SplitEvent } from '../../../src/talk/open-line-splitter';
import type { TalkSample } from '../../../src/talk/talk-sample';
import { series } from './talk-series';

/** Feeds one sample a second from t=1000 and checks the clock after each; every event in order. */
function split(samples: TalkSample[], quietSeconds: number): SplitEvent[] {
  const splitter = new OpenLineSplitter(quietSeconds * 1000);
  const events: SplitEvent[] = [];
  samples.forEach((sample, i) => {
    const at = (i + 1) * 1000;
    const started = splitter.add(sample, at);
    if (started) events.push(started);
    const ended = splitter.check(at);
    if (ended) events.push(ended);
  });
  const closed = splitter.close();
  if (closed) events.push(closed);
  return events;
}

describe('calls inside an open line, from a recorded level series', () => {
  it('splits two conversations separated by a long quiet spell', () => {
    const quiet = '.'.repeat(40);
    const events = split(series(`.. rrroooo.oo ${quiet} oooo rr ${'.'.repeat(25)}`), 20);
    expect(events).toEqual([
      { kind: 'started', at: 2000 },
      { kind: 'ended', at: 12_000 - METER_HOLD_MS },
      { kind: 'started', at: 52_000 },
      { kind: 'ended', at: 58_000 - METER_HOLD_MS },
    ]);
  });

  it('keeps one conversation through pauses shorter than the quiet spell, and through hold music', () => {
    const events = split(series(`rr ${'.'.repeat(10)} oo ${'m'.repeat(60)} rr`), 20);
    expect(events).toEqual([
      { kind: 'started', at: 0 },
      { kind: 'ended', at: 76_000 - METER_HOLD_MS },
    ]);
  });

  it('places the end inside the last second from its energy, and ends quietMs after it', () => {
    const splitter = new OpenLineSplitter(5000);
    splitter.add({ rep: true, other: false, repLevel: 200, otherLevel: 0 }, 1000);
    // Half the level of a whole second (200, remembered at 0.8 a second: 160), so a quarter of
    // its energy: the meter measured speech a quarter of the way into this second, and the sound
    // stopped a held block before that.
    splitter.add({ rep: true, other: false, repLevel: 80, otherLevel: 0 }, 2000);
    const end = 1250 - METER_HOLD_MS;
    expect(splitter.endsAt()).toBe(end + 5000);
    expect(splitter.check(end + 4999)).toBeUndefined();
    expect(splitter.check(end + 5000)).toEqual({ kind: 'ended', at: end });
  });

  it('places the end inside the quarter second the hook says last had speech', () => {
    const splitter = new OpenLineSplitter(5000);
    const talking = { rep: false, other: true, repLevel: 0, otherLevel: 200 };
    splitter.add(talking, 1000);
    // Recorded from the hook on an open line: the second's speech last sounded in a 200 ms sample
    // that ended 500 ms before this report, at half the full level (200, remembered at 0.8: 160),
    // so a quarter of its energy.
    splitter.add({ ...talking, otherLevel: 100, lastSpeech: { agoMs: 500, spanMs: 200, level: 80 } }, 2000);
    // That sample ran 1300–1500 and measured speech for its first quarter (to 1350): the sound
    // stopped a held block before.
    const end = 1350 - METER_HOLD_MS;
    expect(splitter.endsAt()).toBe(end + 5000);
    expect(splitter.check(end + 4999)).toBeUndefined();
    expect(splitter.check(end + 5000)).toEqual({ kind: 'ended', at: end });
  });

  it('ends a recorded series of open-line conversations a quiet spell after each one’s last speech', () => {
    // A report a second; on the seconds where a turn ended, the quarter second that last had
    // speech (a whole one: full level), as the hook reports them on a line that stays open.
    const splitter = new OpenLineSplitter(5000);
    const ends: number[] = [];
    const recorded: Array<[number, TalkSample]> = [];
    const speech = (at: number, agoMs?: number): [number, TalkSample] => [
      at,
      {
        rep: false,
        other: true,
        repLevel: 0,
        otherLevel: 200,
        ...(agoMs === undefined ? {} : { lastSpeech: { agoMs, spanMs: 250, level: 200 } }),
      },
    ];
    const quiet = (at: number): [number, TalkSample] => [at, { rep: false, other: false, repLevel: 1, otherLevel: 1 }];
    recorded.push(speech(1000), speech(2000), speech(3000, 250));
    for (let at = 4000; at <= 12_000; at += 1000) recorded.push(quiet(at));
    recorded.push(speech(13_000), speech(14_000, 0));
    for (let at = 15_000; at <= 22_000; at += 1000) recorded.push(quiet(at));
    for (const [at, sample] of recorded) {
      for (let t = at - 999; t <= at; t += 1) {
        const ended = splitter.check(t);
        if (ended) ends.push(ended.at, t);
      }
      splitter.add(sample, at);
    }
    // Each end is the last speech measured (2750, then 14000) less the meter's hold, told exactly
    // 5 s later.
    const [first, second] = [2750 - METER_HOLD_MS, 14_000 - METER_HOLD_MS];
    expect(ends).toEqual([first, first + 5000, second, second + 5000]);
  });

  it('places each end within a tenth of a second of where the rep’s page last heard the other side', () => {
    // Reports recorded from the hook on the open-line bench call in Chromium 156 (rep 0–2 s, other
    // side 1.5–3 s), in ms from the moment an analyser in the rep's page last heard the other side:
    // [at, r, o, rl, ol, then the last speech sample's q, sd, sl when someone spoke].
    const recorded: number[][][] = [
      [
        [-2184, 1, 0, 284, 0, 1, 1000, 284],
        [-1178, 1, 1, 300, 166, 2, 250, 307],
        [-169, 1, 1, 133, 305, 1, 250, 306],
        [836, 0, 1, 0, 153, 751, 255, 297],
        [1846, 0, 0, 0, 0],
      ],
      [
        [-2374, 1, 0, 273, 0, 1, 1003, 273],
        [-1369, 1, 1, 300, 115, 0, 250, 300],
        [-296, 1, 1, 152, 306, 73, 250, 306],
        [648, 0, 1, 0, 195, 503, 252, 256],
        [1651, 0, 0, 0, 0],
      ],
      [
        [-2180, 1, 0, 286, 0, 1, 1000, 286],
        [-1181, 1, 1, 300, 172, 1, 250, 311],
        [-120, 1, 1, 126, 306, 1, 250, 306],
        [884, 0, 1, 0, 134, 750, 255, 262],
        [1889, 0, 0, 0, 0],
      ],
    ];
    for (const reports of recorded) {
      const splitter = new OpenLineSplitter(5000);
      for (const [at = 0, r, o, repLevel = 0, otherLevel = 0, q, spanMs = 0, level = 0] of reports) {
        const lastSpeech = q === undefined ? {} : { lastSpeech: { agoMs: q, spanMs, level } };
        splitter.add({ rep: r === 1, other: o === 1, repLevel, otherLevel, ...lastSpeech }, at);
      }
      // The meter held the other side's energy full for 85–100 ms after the page stopped hearing
      // them, so the energy alone puts the end there; less the hold, it lands just before.
      const ended = splitter.check(5100);
      expect(ended?.at).toBeGreaterThanOrEqual(-100);
      expect(ended?.at).toBeLessThanOrEqual(0);
    }
  });

  it('starts nothing on a line that stays quiet', () => {
    expect(split(series('.'.repeat(100)), 20)).toEqual([]);
  });
});
