/**
 * Issue 15: the toast's script starts loading into the tab while the ended call is written, so
 * the nudge only sends it a message; a tab that changed page meanwhile gets it loaded again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareToast, showToast } from '../../../src/background/nudger';
import type { Nudge } from '../../../src/messages/to-content';
import fakeBrowser from '../fakes/fake-browser';

const nudge: Nudge = { callKey: 'hubspot:a', dialer: 'HubSpot calling', durationMs: 60_000, hideAfterMs: 8000 };

type Fakeable = { scripting: Record<string, unknown>; tabs: Record<string, unknown> };
function browserWith(executeScript: () => Promise<unknown>, sendMessage: () => Promise<unknown>) {
  const api = fakeBrowser as unknown as Fakeable;
  const inject = vi.fn(executeScript);
  const send = vi.fn(sendMessage);
  api.scripting.executeScript = inject;
  api.tabs.sendMessage = send;
  return { inject, send };
}

afterEach(() => {
  const api = fakeBrowser as unknown as Fakeable;
  delete api.scripting.executeScript;
  delete api.tabs.sendMessage;
});

describe('loading the toast', () => {
  it('a prepared tab is only sent the nudge', async () => {
    const { inject, send } = browserWith(
      async () => [],
      async () => ({ shown: true }),
    );
    prepareToast(3);
    expect(inject).toHaveBeenCalledTimes(1);
    await expect(showToast(nudge, [3])).resolves.toBe(3);
    expect(inject).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('a tab nobody prepared gets the script, then the nudge', async () => {
    const { inject, send } = browserWith(
      async () => [],
      async () => ({ shown: true }),
    );
    await expect(showToast(nudge, [4])).resolves.toBe(4);
    expect(inject).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('a prepared tab that went to another page (no toast answers there) gets the script again', async () => {
    const { inject, send } = browserWith(
      async () => [],
      async () => ({ shown: true }),
    );
    prepareToast(5);
    send.mockRejectedValueOnce(new Error('Could not establish connection'));
    await expect(showToast(nudge, [5])).resolves.toBe(5);
    expect(inject).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('a tab where Rebound may not run shows nothing, and the next tab is tried', async () => {
    const { send } = browserWith(
      async () => {
        throw new Error('Cannot access contents of the page');
      },
      async () => ({ shown: true }),
    );
    prepareToast(6);
    await expect(showToast(nudge, [6])).resolves.toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });
});
