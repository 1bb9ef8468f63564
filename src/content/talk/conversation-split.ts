import { TalkRecorder } from '../../talk/conversation-figures';
import { OpenLineSplitter } from '../../talk/open-line-splitter';
import type { TalkSample } from '../../talk/talk-sample';
import type { EmitSignal } from '../adapters/adapter';

const SOURCE = 'webrtc';
/** A sample this recent already says whether the line is still quiet. */
const FRESH_SAMPLE_MS = 100;
/** How long the end waits for the fresh sample it asked for; a hook that never answers delays it by no more. */
const CONFIRM_WAIT_MS = 250;

/**
 * One connection whose line stays open: each conversation on it is a call of its own, with the
 * id `<connection>.<n>`, started at its first speech and ended at its last once the quiet spell
 * is over. A timer marks that moment (the end does not wait for the next once-a-second sample)
 * and asks the hook for one fresh sample (`confirm`): speech since the last report keeps the
 * conversation going, a quiet one ends it at once. Its figures leave out the quiet spell that
 * ended it.
 */
export class ConversationSplit {
  private readonly splitter: OpenLineSplitter;
  private conversation = 0;
  private recorder?: TalkRecorder;
  /** Quiet seconds inside a conversation: part of it only if someone speaks again. */
  private quiet: TalkSample[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  /** The quiet spell is over by the clock; the fresh sample asked for has not come yet. */
  private confirming = false;
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
    if (sample.rep || sample.other) {
      for (const silent of this.quiet) this.recorder.add(silent);
      this.quiet = [];
      this.recorder.add(sample);
    } else {
      this.quiet.push(sample);
      if (this.confirming) {
        this.end();
        return;
      }
    }
    this.confirming = false;
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const endsAt = this.splitter.endsAt();
    if (endsAt === undefined) return;
    this.timer = setTimeout(() => this.confirmQuiet(), Math.max(0, endsAt - this.now()));
  }

  private confirmQuiet(): void {
    if (this.now() - this.lastSampleAt < FRESH_SAMPLE_MS) {
      this.end();
      return;
    }
    this.confirming = true;
    this.confirm();
    this.timer = setTimeout(() => this.end(), CONFIRM_WAIT_MS);
  }

  private end(): void {
    clearTimeout(this.timer);
    this.confirming = false;
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
    this.confirming = false;
    this.finish(this.splitter.close());
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
