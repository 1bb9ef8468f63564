import { TalkRecorder } from '../../talk/conversation-figures';
import { OpenLineSplitter } from '../../talk/open-line-splitter';
import type { TalkSample } from '../../talk/talk-sample';
import type { EmitSignal } from '../adapters/adapter';

const SOURCE = 'webrtc';
/**
 * The fresh sample is asked for this long before the quiet spell is over, so that its answer is
 * usually in by then (getStats takes a few ms, over 100 on a loaded machine). Speech starting
 * later is in the meter's hold (METER_HOLD_MS) when the sample is taken either way.
 */
const CONFIRM_LEAD_MS = 200;
/** A sample this recent already says whether the line is still quiet. */
const FRESH_SAMPLE_MS = 100;
/** How long the end waits past the quiet spell for the fresh sample; a hook that never answers delays it by no more. */
const CONFIRM_WAIT_MS = 250;

/**
 * One connection whose line stays open: each conversation on it is a call of its own, with the
 * id `<connection>.<n>`, started at its first speech and ended at its last once the quiet spell
 * is over. Timers, not the once-a-second samples, mark that moment: just before it, one fresh
 * sample is asked of the hook (`confirm`); speech in it keeps the conversation going, a quiet one
 * lets it end on time. Its figures leave out the quiet spell that ended it.
 */
export class ConversationSplit {
  private readonly splitter: OpenLineSplitter;
  private conversation = 0;
  private recorder?: TalkRecorder;
  /** Quiet seconds inside a conversation: part of it only if someone speaks again. */
  private quiet: TalkSample[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  /** 'asked': the fresh sample has not come yet; 'overdue': nor by the end of the quiet spell. */
  private confirming: 'no' | 'asked' | 'overdue' = 'no';
  private lastSampleAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly connection: string,
    quietMs: number,
    private readonly emit: EmitSignal,
    private readonly now: () => number,
    private readonly confirm: () => void,
  ) {
    this.splitter = new OpenLineSplitter(quietMs);
  }

  private get callId(): string {
    return `${this.connection}.${this.conversation}`;
  }

  add(sample: TalkSample, at: number): void {
    this.lastSampleAt = at;
    const start = this.splitter.add(sample, at);
    if (start) {
      this.conversation += 1;
      this.recorder = new TalkRecorder();
      this.quiet = [];
      this.emit({ kind: 'started', source: SOURCE, callId: this.callId, at: start.at, openLine: true });
    }
    if (!this.splitter.inConversation || !this.recorder) return;
    if (!(sample.rep || sample.other)) {
      // Quiet changes no deadline; it is the answer the end may be waiting for.
      this.quiet.push(sample);
      const overdue = this.confirming === 'overdue';
      this.confirming = 'no';
      if (overdue) this.end();
      return;
    }
    for (const silent of this.quiet) this.recorder.add(silent);
    this.quiet = [];
    this.recorder.add(sample);
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.confirming = 'no';
    const endsAt = this.splitter.endsAt();
    if (endsAt === undefined) return;
    this.timer = setTimeout(() => this.ask(endsAt), Math.max(0, endsAt - CONFIRM_LEAD_MS - this.now()));
  }

  private ask(endsAt: number): void {
    if (this.now() - this.lastSampleAt >= FRESH_SAMPLE_MS) {
      this.confirming = 'asked';
      this.confirm();
    }
    this.timer = setTimeout(() => this.due(), Math.max(0, endsAt - this.now()));
  }

  /** The quiet spell is over by the clock: ends now, or once the fresh sample says it was quiet. */
  private due(): void {
    if (this.confirming === 'no') {
      this.end();
      return;
    }
    this.confirming = 'overdue';
    this.timer = setTimeout(() => this.end(), CONFIRM_WAIT_MS);
  }

  private end(): void {
    clearTimeout(this.timer);
    this.confirming = 'no';
    this.finish(this.splitter.check(this.now()));
  }

  private finish(end: { at: number } | undefined): void {
    if (!end) {
      this.schedule();
      return;
    }
    const talk = this.recorder?.result();
    this.recorder = undefined;
    this.quiet = [];
    this.emit({
      kind: 'ended',
      source: SOURCE,
      callId: this.callId,
      at: end.at,
      openLine: true,
      ...(talk ? { talk } : {}),
    });
  }

  /** The connection closed: a conversation in progress ends at its last speech. */
  close(): void {
    clearTimeout(this.timer);
    this.confirming = 'no';
    this.finish(this.splitter.close());
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
