import type { TalkSample } from '../../../src/talk/talk-sample';

/**
 * A level series written like a script: one letter per second. `.` nobody, `r` the rep, `o` the
 * other side, `b` both, `L` the other side loud (five times its usual level), `m` music on hold.
 */
export function series(script: string): TalkSample[] {
  return [...script.replaceAll(' ', '')].map((second) => {
    const rep = second === 'r' || second === 'b';
    const other = second === 'o' || second === 'b' || second === 'L' || second === 'm';
    const otherLevel = second === 'L' ? 500 : second === 'm' ? 60 : other ? 100 : 2;
    return { rep, other, repLevel: rep ? 120 : 1, otherLevel };
  });
}
