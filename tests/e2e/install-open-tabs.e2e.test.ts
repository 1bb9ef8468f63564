/**
 * Installing Rebound while the rep's dialer tabs are already open. Chromium starts with no
 * extension, the demo dialer and the WebRTC call page are opened, and only then is the demo build
 * installed over DevTools (`Extensions.loadUnpacked`, a fresh install: onInstalled says
 * `install`). The demo build is granted loopback at install, so those tabs match a granted site:
 * the background brings the detector (and the WebRTC hook) to them, and calls made there without
 * a reload are recorded. Registered content scripts alone reach only pages loaded after them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DETECTOR_FLAG } from '../../src/content/detector-flag';
import type { CallRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { callOnDemoDialer } from './place-call';
import { waitForCalls } from './wait-for-calls';

const TALK_MS = 1500;
const opened: { dialer?: Page; webrtc?: Page } = {};

const session = extensionUnderTest({
  launch: {
    async beforeInstall(context, server) {
      opened.dialer = await context.newPage();
      await opened.dialer.goto(`${server.url}demo-dialer/index.html?answerDelayMs=0`);
      opened.webrtc = await context.newPage();
      await opened.webrtc.goto(`${server.url}webrtc-call/index.html?mode=audio`);
    },
  },
});

/** The bits of the worker's `chrome` global this file touches. */
interface WorkerChrome {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
  scripting: {
    executeScript(injection: {
      target: { tabId: number; allFrames: boolean };
      func: (name: string) => boolean;
      args: [string];
    }): Promise<{ result?: unknown }[]>;
  };
}

/** Frames of the tab at `url` where the detector runs, as the extension itself sees them. */
function framesWithDetector(url: string): Promise<boolean[]> {
  return session.inWorker(
    async ({ url: tabUrl, flag }) => {
      const { tabs, scripting } = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
      const tab = (await tabs.query({})).find((open) => open.url === tabUrl);
      if (tab?.id === undefined) return [];
      const probes = await scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        func: (name: string) => (globalThis as Record<string, unknown>)[name] === true,
        args: [flag],
      });
      return probes.map((probe) => probe.result === true);
    },
    { url, flag: DETECTOR_FLAG },
  );
}

function page(name: keyof typeof opened): Page {
  const found = opened[name];
  if (!found) throw new Error(`the ${name} tab was not opened before the install`);
  return found;
}

describe('installing Rebound with dialer tabs already open', () => {
  it('brings the detector to them: calls made there without a reload are recorded', async () => {
    const dialer = page('dialer');
    const webrtc = page('webrtc');
    // Both tabs were loaded before Rebound existed: only the install-time injection can reach them.
    for (const tab of [dialer, webrtc]) {
      await expect
        .poll(async () => framesWithDetector(tab.url()), { timeout: 10_000 })
        .toSatisfy((frames: boolean[]) => frames.length > 0 && frames.every(Boolean));
    }

    // The dialer's own messages (its softphone is a frame of its own).
    await callOnDemoDialer(dialer, { talkMs: TALK_MS });
    const [dialed] = await waitForCalls(session, 1);
    expect(dialed).toMatchObject({ source: 'hubspot', outcome: 'completed' } satisfies Partial<CallRecord>);

    // The WebRTC hook, injected into the page's world after the page loaded, hears a new connection.
    await webrtc.getByRole('button', { name: 'Start call' }).click();
    await expect.poll(() => webrtc.locator('#call-status').textContent(), { timeout: 15_000 }).toBe('Connected');
    await webrtc.waitForTimeout(TALK_MS);
    await webrtc.getByRole('button', { name: 'Hang up' }).click();
    const calls = await waitForCalls(session, 2);
    expect(calls.map((call) => call.source).sort()).toEqual(['hubspot', 'webrtc']);
    expect(session.extensionErrors).toEqual([]);
  });
});
