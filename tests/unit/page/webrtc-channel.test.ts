import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNotice, type WebrtcCallNotice, writeNotice } from '../../../src/page/webrtc-channel';
import { lineOf } from '../fakes/webrtc-notice';

const id = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,16}$/), fc.integer({ min: 0, max: 999_999_999 }))
  .map(([prefix, counter]) => `${prefix}-${counter}`);
const level = fc.integer({ min: 0, max: 1000 });
const bit = fc.constantFrom(0 as const, 1 as const);
const talk = fc.record({ kind: fc.constant('talk' as const), id, r: bit, o: bit, rl: level, ol: level });
const notices: fc.Arbitrary<WebrtcCallNotice> = fc.oneof(
  fc.record({ kind: fc.constantFrom('started' as const, 'ended' as const), id }),
  talk,
  fc
    .tuple(talk, fc.integer({ min: 0, max: 2000 }), level, fc.integer({ min: 1, max: 2000 }))
    .map(([sample, q, sl, sd]) => ({ ...sample, q, sl, sd })),
);

describe('the WebRTC hook channel, one line a notice', () => {
  it('reads back every notice the hook can write, and nothing more', () => {
    fc.assert(
      fc.property(notices, (notice) => {
        const line = lineOf(notice);
        expect(line.length).toBeLessThan(60);
        expect(readNotice(line)).toEqual(notice);
      }),
    );
  });

  it('writes a talk sample as its figures in a fixed order', () => {
    expect(writeNotice('t', 'k3x9-1', 1, 0, 120, 3)).toBe('t k3x9-1 1 0 120 3');
    expect(writeNotice('t', 'k3x9-1', 0, 1, 0, 50, 750, 200, 250)).toBe('t k3x9-1 0 1 0 50 750 200 250');
    expect(writeNotice('e', 'k3x9-2')).toBe('e k3x9-2');
  });

  it.each([
    ['a level over full scale', 't k3x9-1 1 0 1001 3'],
    ['a bit that is not one', 't k3x9-1 2 0 10 3'],
    ['speech told further back than two reports', 't k3x9-1 0 1 0 50 2001 200 250'],
    ['speech of no length', 't k3x9-1 0 1 0 50 750 200 0'],
    ['half of where the speech was', 't k3x9-1 0 1 0 50 750 200'],
    ['a negative level', 't k3x9-1 1 0 -5 3'],
    ['a fraction', 't k3x9-1 1 0 5.5 3'],
    ['an id of another shape', 's K3X9-1'],
    ['markup for an id', 's <img>-1'],
    ['a field too many', 's k3x9-1 1'],
    ['a trailing line break', 's k3x9-1\n'],
    ['a leading space', ' s k3x9-1'],
    ['a kind nobody writes', 'a k3x9-1'],
    ['the old JSON shape', JSON.stringify({ kind: 'started', id: 'k3x9-1' })],
    ['a line far too long', `s k3x9-1${' '.repeat(200)}`],
  ])('turns away %s', (_, line) => {
    expect(readNotice(line)).toBeUndefined();
  });

  it('turns away what is not a string', () => {
    for (const detail of [null, undefined, 42, { kind: 'started', id: 'k3x9-1' }, ['s k3x9-1']]) {
      expect(readNotice(detail)).toBeUndefined();
    }
  });
});
