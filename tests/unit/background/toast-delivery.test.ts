/** Issue 15: a nudge in a tab whose toast is already loaded goes straight to it, with no second injection. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prepareToast, showToast } from '../../../src/background/nudger';
import type { Nudge } from '../../../src/messages/to-content';
import { browser } from '../../../src/platform/browser';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';

const nudge: Nudge = { callKey: 'hubspot:a', dialer: 'HubSpot', durationMs: 60_000, hideAfterMs: 8000 };

/** Tabs whose top frame has the toast loaded; executeScript loads it, unless the tab refuses. */
function fakeTabs(loaded: Set<number>, refused: Set<number> = new Set()) {
  const executeScript = vi.fn(async ({ target }: { target: { tabId: number } }) => {
    if (refused.has(target.tabId)) throw new Error('Cannot access contents of the page');
    loaded.add(target.tabId);
    return [];
  });
  const sendMessage = vi.fn(async (tabId: number) => {
    if (!loaded.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { shown: true };
  });
  Object.assign(browser.scripting, { executeScript });
  Object.assign(browser, { tabs: { ...browser.tabs, sendMessage } });
  return { executeScript, sendMessage };
}

describe('the toast on the way to the nudge', () => {
  const originalTabs = browser.tabs;
  beforeEach(() => vi.restoreAllMocks());
  afterEach(() => {
    Object.assign(browser, { tabs: originalTabs });
    Reflect.deleteProperty(browser.scripting, 'executeScript');
  });

  it('goes straight to a toast already listening in the tab: no injection', async () => {
    const { executeScript, sendMessage } = fakeTabs(new Set([4]));
    await expect(showToast(nudge, [4])).resolves.toBe(4);
    expect(executeScript).not.toHaveBeenCalled();
    expect(sendMessage).toHaveBeenCalledOnce();
    expect(sendMessage).toHaveBeenCalledWith(4, { type: 'show-nudge', nudge }, { frameId: 0 });
  });

  it('loads the toast into the top frame when none listens there, then shows the nudge', async () => {
    const { executeScript, sendMessage } = fakeTabs(new Set());
    await expect(showToast(nudge, [4])).resolves.toBe(4);
    expect(executeScript).toHaveBeenCalledOnce();
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 4, frameIds: [0] }, files: ['toast.js'] });
    expect(sendMessage).toHaveBeenCalledTimes(2);
    // The next nudge in that tab finds it loaded.
    await expect(showToast(nudge, [4])).resolves.toBe(4);
    expect(executeScript).toHaveBeenCalledOnce();
  });

  it('counts only the toast’s own answer as shown', async () => {
    const { executeScript, sendMessage } = fakeTabs(new Set());
    sendMessage.mockResolvedValueOnce(undefined as never);
    await expect(showToast(nudge, [4])).resolves.toBe(4);
    expect(executeScript).toHaveBeenCalledOnce();
  });

  it('moves on to the next tab when one refuses the toast', async () => {
    const { executeScript } = fakeTabs(new Set(), new Set([4]));
    await expect(showToast(nudge, [4, 9])).resolves.toBe(9);
    expect(executeScript).toHaveBeenCalledTimes(2);
  });

  it('shows nothing when no tab takes it', async () => {
    fakeTabs(new Set(), new Set([4]));
    await expect(showToast(nudge, [4])).resolves.toBeUndefined();
  });

  it('is loaded when a call starts, so the nudge at its end goes straight to it', async () => {
    const { executeScript, sendMessage } = fakeTabs(new Set());
    await prepareToast(4, { ...DEFAULT_SETTINGS, delivery: 'toast' });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 4, frameIds: [0] }, files: ['toast.js'] });
    await expect(showToast(nudge, [4])).resolves.toBe(4);
    expect(executeScript).toHaveBeenCalledOnce();
    expect(sendMessage).toHaveBeenCalledOnce();
  });

  it('is loaded at a call’s start for the notification too (its fallback), not for a window of its own', async () => {
    const { executeScript } = fakeTabs(new Set());
    await prepareToast(4, { ...DEFAULT_SETTINGS, delivery: 'window' });
    expect(executeScript).not.toHaveBeenCalled();
    await prepareToast(4, { ...DEFAULT_SETTINGS, delivery: 'notification' });
    expect(executeScript).toHaveBeenCalledOnce();
  });

  it('leaves a tab it may not run in alone when a call starts there', async () => {
    const { executeScript } = fakeTabs(new Set(), new Set([4]));
    await expect(prepareToast(4, { ...DEFAULT_SETTINGS, delivery: 'toast' })).resolves.toBeUndefined();
    expect(executeScript).toHaveBeenCalledOnce();
  });
});
