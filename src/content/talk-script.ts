import type { TalkRecorder } from '../talk/conversation-figures';
import type { EmitSignal } from './adapters/adapter';
import type { ConversationSplit } from './talk/conversation-split';

/**
 * What the talk script (src/content/talk/, injected into a frame only when a WebRTC call starts
 * there with conversation signals on) leaves for the detector in the same isolated world: the
 * page cannot see or reach it. Keeping this code out of the detector keeps the script every
 * dialer frame carries small.
 */
export interface TalkScript {
  recorder(): TalkRecorder;
  /** `confirm` asks the hook for a fresh sample of the connection before a conversation ends. */
  split(
    connection: string,
    quietMs: number,
    emit: EmitSignal,
    now: () => number,
    confirm: () => void,
  ): ConversationSplit;
}

export const TALK_SCRIPT_KEY = Symbol.for('rebound.talk');

export type TalkScriptScope = { [TALK_SCRIPT_KEY]?: TalkScript };

/** The talk script, once injected into this frame. */
export function loadedTalkScript(): TalkScript | undefined {
  return (globalThis as TalkScriptScope)[TALK_SCRIPT_KEY];
}
