import type { Speakers } from './talk-sample';

/** Who spoke, as run-length spans: [speakers, seconds], in order. */
export type TalkSpan = [speakers: Speakers, seconds: number];

/** A timeline never holds more spans than this, however long the call: it is stored on the call. */
export const MAX_TIMELINE_SPANS = 240;

/**
 * Appends one second to a run-length timeline. Past the bound, neighbouring spans are merged in
 * pairs (each pair keeps the speakers of its longer half): resolution halves, the total length
 * and the overall shape stay.
 */
export function appendSecond(timeline: TalkSpan[], speakers: Speakers): void {
  const last = timeline[timeline.length - 1];
  if (last && last[0] === speakers) {
    last[1] += 1;
    return;
  }
  timeline.push([speakers, 1]);
  if (timeline.length > MAX_TIMELINE_SPANS) coarsen(timeline);
}

function coarsen(timeline: TalkSpan[]): void {
  const merged: TalkSpan[] = [];
  for (let i = 0; i < timeline.length; i += 2) {
    const a = timeline[i] as TalkSpan;
    const b = timeline[i + 1];
    const span: TalkSpan = b ? [b[1] > a[1] ? b[0] : a[0], a[1] + b[1]] : [a[0], a[1]];
    const previous = merged[merged.length - 1];
    if (previous && previous[0] === span[0]) previous[1] += span[1];
    else merged.push(span);
  }
  timeline.splice(0, timeline.length, ...merged);
}
