import * as v from 'valibot';
import { talkStartReplySchema } from '../messages/talk-start';
import { browser } from '../platform/browser';
import { loadedTalkScript, type TalkScript } from './talk-script';

/** The talk script, in this frame now, and the quiet spell that ends a conversation when the line stays open. */
export interface TalkStart {
  talk: TalkScript;
  quietMs?: number;
}

export type StartTalk = () => Promise<TalkStart | undefined>;

/**
 * Asks the background to load the talk script into this frame and whether the site keeps its
 * line open. Undefined when it could not (no figures for this call, which is still a call).
 */
export const startTalkFromBackground: StartTalk = async () => {
  const reply = v.safeParse(talkStartReplySchema, await browser.runtime.sendMessage({ type: 'talk-start' }));
  const talk = loadedTalkScript();
  if (!reply.success || !reply.output.loaded || !talk) return undefined;
  const line = reply.output.openLine;
  return line ? { talk, quietMs: line.quietSeconds * 1000 } : { talk };
};
