/**
 * A WebRTC call started in a frame with conversation signals on: the background loads the talk
 * script into that frame and decides, from the frame's address as the browser reports it, whether
 * the site keeps its line open.
 */
import { describe, expect, it, vi } from 'vitest';
import { type BackgroundDeps, createBackground } from '../../../src/background/message-handler';
import { createTalkStart } from '../../../src/background/talk-start';
import type { Runtime } from '../../../src/platform/browser';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';

const EXTENSION_ID = 'rebound-test';

function setup(settings: Partial<Settings> = {}, injectFails = false) {
  const inject = vi.fn(async (_tabId: number, _frameId: number) => {
    if (injectFails) throw new Error('Cannot access contents of the page');
  });
  const talkStart = createTalkStart({ loadSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }), inject });
  return { inject, talkStart };
}

const sender = (frameUrl: string, id = EXTENSION_ID): Runtime.MessageSender =>
  ({
    id,
    tab: {
      id: 7,
      url: 'https://crm.example.com/',
      index: 0,
      highlighted: true,
      active: true,
      pinned: false,
      incognito: false,
    },
    frameId: 3,
    url: frameUrl,
  }) as Runtime.MessageSender;

describe('talk start in the background', () => {
  it('loads the talk script into the frame the call started in; the line is not open by default', async () => {
    const { inject, talkStart } = setup();
    expect(await talkStart(7, 3, 'https://crm.example.com/calls')).toEqual({ loaded: true });
    expect(inject).toHaveBeenCalledWith(7, 3);
  });

  it('says the line stays open, with its quiet spell, for a site the rep marked', async () => {
    const { talkStart } = setup({ openLines: [{ site: 'https://crm.example.com', open: true, quietSeconds: 30 }] });
    expect(await talkStart(7, 0, 'https://crm.example.com/calls')).toEqual({
      loaded: true,
      openLine: { quietSeconds: 30 },
    });
  });

  it('takes the catalog’s word for a family that keeps its line open', async () => {
    const { talkStart } = setup();
    expect(await talkStart(7, 0, 'https://app.orum.com/dialer')).toEqual({
      loaded: true,
      openLine: { quietSeconds: 20 },
    });
  });

  it('injects nothing when the settings in force have signals off, whatever the frame last read', async () => {
    const { inject, talkStart } = setup({ conversationSignals: false });
    expect(await talkStart(7, 3, 'https://crm.example.com/calls')).toEqual({ loaded: false });
    expect(inject).not.toHaveBeenCalled();
  });

  it('says the script is not there when the frame refused it', async () => {
    const { talkStart } = setup({}, true);
    expect(await talkStart(7, 3, 'https://crm.example.com/calls')).toEqual({ loaded: false });
  });

  it('answers about the frame the browser names, never one the message could claim', async () => {
    const { inject, talkStart } = setup({
      openLines: [{ site: 'https://crm.example.com', open: true, quietSeconds: 30 }],
    });
    const background = createBackground({
      extensionId: EXTENSION_ID,
      extensionOrigin: `chrome-extension://${EXTENSION_ID}/`,
      onTalkStart: talkStart,
      onDropped: () => undefined,
    } as unknown as BackgroundDeps);
    expect(await background.onMessage({ type: 'talk-start' }, sender('https://other.example/phone'))).toEqual({
      loaded: true,
    });
    expect(await background.onMessage({ type: 'talk-start' }, sender('https://crm.example.com/'))).toEqual({
      loaded: true,
      openLine: { quietSeconds: 30 },
    });
    expect(
      await background.onMessage({ type: 'talk-start', url: 'https://crm.example.com/' }, sender('https://x.test/')),
    ).toBeUndefined();
    expect(await background.onMessage({ type: 'talk-start' }, sender('https://crm.example.com/', 'stranger'))).toBe(
      undefined,
    );
    expect(inject).toHaveBeenCalledTimes(2);
  });
});
