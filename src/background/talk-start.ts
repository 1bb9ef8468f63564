import { lineSiteOf, openLineOf } from '../dialers/open-line';
import type { TalkStartReply } from '../messages/talk-start';
import type { Settings } from '../settings/settings';

export const TALK_SCRIPT = 'talk.js';

export interface TalkStartDeps {
  loadSettings(): Promise<Settings>;
  /** Runs the talk script in one frame of a tab; rejects when Rebound may not run there. */
  inject(tabId: number, frameId: number): Promise<unknown>;
}

/**
 * A WebRTC call started in a frame with conversation signals on: loads the talk script into that
 * frame and says whether its site keeps the line open between calls. The site comes from the
 * frame's address as the browser reports the sender, not from anything the frame says.
 */
export function createTalkStart({ loadSettings, inject }: TalkStartDeps) {
  return async (tabId: number, frameId: number, frameUrl: string | undefined): Promise<TalkStartReply> => {
    // The frame asked with the settings it last read; the settings in force (the organization's
    // policy over the rep's own) decide: off, nothing is injected.
    const settings = await loadSettings();
    if (!settings.conversationSignals) return { loaded: false };
    const loaded = await inject(tabId, frameId).then(
      () => true,
      () => false,
    );
    const site = frameUrl === undefined ? undefined : lineSiteOf(frameUrl);
    const line = site === undefined ? undefined : openLineOf(settings.openLines, site);
    return line?.open ? { loaded, openLine: { quietSeconds: line.quietSeconds } } : { loaded };
  };
}
