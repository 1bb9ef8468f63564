import type { TalkSample } from './talk-sample';

/** The default quiet spell that ends a conversation on a line that stays open. */
export const DEFAULT_QUIET_SECONDS = 20;
const INTERVAL_MS = 1000;
/** How much of the loudest recent second is kept per second of speech: a few seconds' memory. */
const FULL_LEVEL_MEMORY = 0.8;
/**
 * How far the statistics' energy runs behind the sound. The browser's meter (libwebrtc's
 * AudioLevel) holds the peak of each ~110 ms block of audio through the next block, so speech
 * that stopped anywhere in one block still measures full through the next: its energy ends
 * 110–220 ms after the sound did, 165 ms on average.
 */
export const METER_HOLD_MS = 165;

export type SplitEvent = { kind: 'started'; at: number } | { kind: 'ended'; at: number };

/**
 * Splits a connection that stays up between conversations into calls by its talk activity: a
 * conversation starts at the first speech after a quiet spell and ends once nobody has spoken
 * for `quietMs` (a hold with music is sound, so it is not quiet). Pure: samples and clock in,
 * start and end times out.
 *
 * A sample taken at `at` covers the interval before it; on an open line the hook also says which
 * quarter second of it last had speech (`lastSpeech`). Where in that stretch the speech stopped is
 * estimated from the energy: a stretch at a quarter of the speaker's usual energy (their recent
 * loudest, slowly forgotten) was sounding for about a quarter of it. So the end is placed inside
 * the stretch, less the time the browser's meter holds a level (METER_HOLD_MS), and the
 * conversation ends `quietMs` after it, not after the next sample.
 */
export class OpenLineSplitter {
  private talking = false;
  private startedAt = 0;
  private lastSpeechAt = 0;
  /** The speaker's recent loudest second: what a whole second of speech measures. */
  private fullLevel = 0;

  constructor(private readonly quietMs: number) {}

  get inConversation(): boolean {
    return this.talking;
  }

  /** Feeds one sample; a start when it opens a conversation. */
  add(sample: TalkSample, at: number): SplitEvent | undefined {
    const level = Math.max(sample.rep ? sample.repLevel : 0, sample.other ? sample.otherLevel : 0);
    if (!(sample.rep || sample.other)) return undefined;
    const last = sample.lastSpeech ?? { agoMs: 0, spanMs: INTERVAL_MS, level };
    this.fullLevel = Math.max(level, last.level, this.fullLevel * FULL_LEVEL_MEMORY);
    const sounding = this.fullLevel > 0 ? Math.min(1, (last.level / this.fullLevel) ** 2) : 1;
    // The last stretch with speech ends `sounding` of the way into it, as far as the energy says;
    // the sound itself stopped a held block earlier.
    const endedAt = at - last.agoMs - last.spanMs + Math.round(sounding * last.spanMs) - METER_HOLD_MS;
    if (!this.talking) this.startedAt = at - INTERVAL_MS;
    // A blip too short to outlast the hold still ends no earlier than its conversation began.
    this.lastSpeechAt = Math.max(this.startedAt, endedAt);
    if (this.talking) return undefined;
    this.talking = true;
    return { kind: 'started', at: this.startedAt };
  }

  /** When the conversation ends if nobody speaks again; undefined outside one. */
  endsAt(): number | undefined {
    return this.talking ? this.lastSpeechAt + this.quietMs : undefined;
  }

  /** Ends the conversation once its quiet spell is over; the end is its last speech. */
  check(now: number): SplitEvent | undefined {
    const endsAt = this.endsAt();
    if (endsAt === undefined || now < endsAt) return undefined;
    this.talking = false;
    return { kind: 'ended', at: this.lastSpeechAt };
  }

  /** The connection went away: a conversation in progress ends at its last speech. */
  close(): SplitEvent | undefined {
    if (!this.talking) return undefined;
    this.talking = false;
    return { kind: 'ended', at: this.lastSpeechAt };
  }
}
