import { describe, expect, it } from 'vitest';
import { OpenLineSplitter, type SplitEvent } from '../../../src/talk/open-line-splitter';
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
      { kind: 'ended', at: 12_000 },
      { kind: 'started', at: 52_000 },
      { kind: 'ended', at: 58_000 },
    ]);
  });

  it('keeps one conversation through pauses shorter than the quiet spell, and through hold music', () => {
    const events = split(series(`rr ${'.'.repeat(10)} oo ${'m'.repeat(60)} rr`), 20);
    expect(events).toEqual([
      { kind: 'started', at: 0 },
      { kind: 'ended', at: 76_000 },
    ]);
  });

  it('places the end inside the last second from its energy, and ends quietMs after it', () => {
    const splitter = new OpenLineSplitter(5000);
    splitter.add({ rep: true, other: false, repLevel: 200, otherLevel: 0 }, 1000);
    // Half the level of a whole second (200, remembered at 0.8 a second: 160), so a quarter of
    // its energy: the speech stopped a quarter of the way into this second.
    splitter.add({ rep: true, other: false, repLevel: 80, otherLevel: 0 }, 2000);
    expect(splitter.endsAt()).toBe(1250 + 5000);
    expect(splitter.check(6249)).toBeUndefined();
    expect(splitter.check(6250)).toEqual({ kind: 'ended', at: 1250 });
  });

  it('starts nothing on a line that stays quiet', () => {
    expect(split(series('.'.repeat(100)), 20)).toEqual([]);
  });
});
