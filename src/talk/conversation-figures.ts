import { type Speakers, speakersOf, type TalkSample } from './talk-sample';
import { appendSecond, type TalkSpan } from './talk-timeline';

/** What Rebound heard of one call, in whole seconds. Stored on the call; never audio. */
export interface ConversationFigures {
  /** Seconds whose audio levels Rebound could see. */
  heardS: number;
  repTalkS: number;
  otherTalkS: number;
  /** Both speaking at once. */
  overtalkS: number;
  /** The longest the other side talked without the rep getting a word in. */
  longestOtherS: number;
  /** The rep's longest monologue. */
  longestRepS: number;
  /** Nobody speaking. */
  silenceS: number;
  /** Stretches where the other side was well above its own usual level for the call. */
  loudMoments: number;
}

/** A call's conversation: its figures and a compact who-spoke timeline. */
export interface CallTalk {
  figures: ConversationFigures;
  timeline: TalkSpan[];
}

/** A stretch survives this many silent seconds (a breath between sentences), not the other side speaking. */
export const STRETCH_GAP_S = 1;
/** "Loud" is at least this many times the other side's median speaking level (+6 dB). */
export const LOUD_FACTOR = 2;
/** Below this many seconds of the other side speaking there is no median worth comparing with. */
const MIN_SPEAKING_FOR_LOUD_S = 5;
/** Levels kept for the loud-moment median: past this, neighbours are merged (their max). */
const MAX_LEVELS = 4096;

/** Tracks one speaker's current uninterrupted stretch. */
class Stretch {
  private run = 0;
  private gap = 0;
  longest = 0;

  constructor(private readonly alone: Speakers) {}

  add(speakers: Speakers): void {
    if (speakers === this.alone) {
      this.run += this.gap + 1;
      this.gap = 0;
      this.longest = Math.max(this.longest, this.run);
    } else if (speakers === 0 && this.run > 0 && this.gap < STRETCH_GAP_S) {
      this.gap += 1;
    } else {
      this.run = 0;
      this.gap = 0;
    }
  }
}

/** A conversation nobody was heard in: the counters a recording starts from. */
export const NO_FIGURES: Readonly<ConversationFigures> = {
  heardS: 0,
  repTalkS: 0,
  otherTalkS: 0,
  overtalkS: 0,
  longestOtherS: 0,
  longestRepS: 0,
  silenceS: 0,
  loudMoments: 0,
};

/**
 * Reduces a connection's talk samples, one per second, to the call's figures. Memory stays
 * bounded however long the call: counters, a bounded timeline, and a bounded list of levels.
 */
export class TalkRecorder {
  private readonly figures: ConversationFigures = { ...NO_FIGURES };
  private readonly timeline: TalkSpan[] = [];
  private readonly other = new Stretch(2);
  private readonly rep = new Stretch(1);
  /** The other side's level each second (0 when not speaking), for loud moments. */
  private levels: number[] = [];

  get seconds(): number {
    return this.figures.heardS;
  }

  add(sample: TalkSample): void {
    const speakers = speakersOf(sample);
    const f = this.figures;
    f.heardS += 1;
    if (sample.rep) f.repTalkS += 1;
    if (sample.other) f.otherTalkS += 1;
    if (speakers === 3) f.overtalkS += 1;
    if (speakers === 0) f.silenceS += 1;
    this.other.add(speakers);
    this.rep.add(speakers);
    appendSecond(this.timeline, speakers);
    this.levels.push(sample.other ? sample.otherLevel : 0);
    if (this.levels.length > MAX_LEVELS) {
      const merged: number[] = [];
      for (let i = 0; i < this.levels.length; i += 2)
        merged.push(Math.max(this.levels[i] ?? 0, this.levels[i + 1] ?? 0));
      this.levels = merged;
    }
  }

  /** The figures so far; undefined when no second was heard (no figures, never zeros). */
  result(): CallTalk | undefined {
    if (this.figures.heardS === 0) return undefined;
    return {
      figures: {
        ...this.figures,
        longestOtherS: this.other.longest,
        longestRepS: this.rep.longest,
        loudMoments: loudMoments(this.levels),
      },
      timeline: this.timeline.map(([speakers, seconds]) => [speakers, seconds]),
    };
  }
}

/** Runs of seconds at LOUD_FACTOR times the median of the other side's speaking levels, or more. */
export function loudMoments(levels: readonly number[]): number {
  const speaking = levels.filter((level) => level > 0).sort((a, b) => a - b);
  if (speaking.length < MIN_SPEAKING_FOR_LOUD_S) return 0;
  const threshold = LOUD_FACTOR * (speaking[Math.floor(speaking.length / 2)] as number);
  let moments = 0;
  let inMoment = false;
  for (const level of levels) {
    const loud = level >= threshold;
    if (loud && !inMoment) moments += 1;
    inMoment = loud;
  }
  return moments;
}

/** The figures of a recorded series of samples, one per second. */
export function figuresOf(samples: readonly TalkSample[]): CallTalk | undefined {
  const recorder = new TalkRecorder();
  for (const sample of samples) recorder.add(sample);
  return recorder.result();
}

/** The rep's share of the talking, 0–1; undefined when nobody spoke. */
export function talkShare(figures: ConversationFigures): number | undefined {
  const total = figures.repTalkS + figures.otherTalkS;
  return total === 0 ? undefined : figures.repTalkS / total;
}

/** The share of the heard seconds when nobody spoke, 0–1. */
export function silenceShare(figures: ConversationFigures): number {
  return figures.heardS === 0 ? 0 : figures.silenceS / figures.heardS;
}
