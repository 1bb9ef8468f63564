/**
 * One sampling interval (about a second) of a connection's talk activity, as the WebRTC hook
 * reduced it from the browser's statistics: who was at speaking level, and how loud. Levels are
 * root mean square in thousandths of full scale.
 */
export interface TalkSample {
  rep: boolean;
  other: boolean;
  repLevel: number;
  otherLevel: number;
  /**
   * Where the interval's speech ended, when the hook sampled finer than the interval (a line that
   * stays open): its last sample with speech ended `agoMs` before this one, lasted `spanMs` and
   * measured `level`. Without it the interval itself is that sample.
   */
  lastSpeech?: { agoMs: number; spanMs: number; level: number };
}

/** Who was speaking in an interval: 0 nobody, 1 the rep, 2 the other side, 3 both. */
export type Speakers = 0 | 1 | 2 | 3;

export function speakersOf(sample: TalkSample): Speakers {
  return ((sample.rep ? 1 : 0) + (sample.other ? 2 : 0)) as Speakers;
}
