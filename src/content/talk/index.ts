/**
 * The talk script: injected by the background into a frame when a WebRTC call starts there with
 * conversation signals on (see background/talk-start.ts). It hands the detector in the same
 * frame what turns talk samples into figures and conversations; injected again, it does nothing.
 */
import { TalkRecorder } from '../../talk/conversation-figures';
import { TALK_SCRIPT_KEY, type TalkScriptScope } from '../talk-script';
import { ConversationSplit } from './conversation-split';

const scope = globalThis as TalkScriptScope;
scope[TALK_SCRIPT_KEY] ??= {
  recorder: () => new TalkRecorder(),
  split: (connection, quietMs, emit, now, confirm) => new ConversationSplit(connection, quietMs, emit, now, confirm),
};
