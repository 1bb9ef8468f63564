/**
 * Dialer end event → toast in the page. The end is posted from the widget frame and the toast's
 * host element is seen by an observer in the page; both clocks are the page's time origin plus
 * performance.now(), so they compare.
 */
import type { Frame, Page } from 'playwright-core';
import type { ExtensionSession } from '../driver/extension-session';
import { type Figure, latencyFigures } from './figures';

/** An init script that stamps each toast host added to the page (page clock, epoch ms). */
export const TOAST_WATCH = `
  window.__toastTimes = [];
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (node.nodeName === 'REBOUND-TOAST') window.__toastTimes.push(performance.timeOrigin + performance.now());
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function openWatched(session: ExtensionSession, pathAndQuery: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript(TOAST_WATCH);
  await session.waitForDetector();
  await page.goto(`${session.server.url}${pathAndQuery}`);
  return page;
}

export async function openWatchedDialer(session: ExtensionSession): Promise<{ page: Page; widget: Frame }> {
  const page = await openWatched(session, 'demo-dialer/index.html?answerDelayMs=0');
  const widget = page.frame({ url: /softphone\.html/ });
  if (!widget) throw new Error('no widget frame');
  return { page, widget };
}

/** Posts a start, then an end from the widget; returns when the end was posted. */
export function postCall(widget: Frame, callId: string, talkMs: number): Promise<number> {
  return widget.evaluate(
    // No named helpers inside: tsx would wrap them in a __name() the page does not have.
    async ({ id, talk }) => {
      window.parent.postMessage(
        { type: 'OUTGOING_CALL_STARTED', data: { externalCallId: id }, messageId: `${id}_s` },
        '*',
      );
      await new Promise((resolve) => setTimeout(resolve, talk));
      const at = performance.timeOrigin + performance.now();
      window.parent.postMessage(
        { type: 'CALL_ENDED', data: { externalCallId: id, callEndStatus: 'COMPLETED' }, messageId: `${id}_e` },
        '*',
      );
      return at;
    },
    { id: callId, talk: talkMs },
  );
}

export async function waitForToastCount(page: Page, count: number, timeoutMs = 10_000): Promise<number> {
  await page.waitForFunction((n) => (window as unknown as { __toastTimes: number[] }).__toastTimes.length >= n, count, {
    timeout: timeoutMs,
  });
  return page.evaluate((n) => (window as unknown as { __toastTimes: number[] }).__toastTimes[n - 1] as number, count);
}

export async function protocolDetectionLatency(session: ExtensionSession, calls: number): Promise<Figure[]> {
  const { page, widget } = await openWatchedDialer(session);
  const samples: number[] = [];
  for (let i = 1; i <= calls; i++) {
    const endedAt = await postCall(widget, `bench-${i}-${Date.now()}`, 20);
    samples.push((await waitForToastCount(page, i)) - endedAt);
    // Paced under the per-tab signal budget (2 a second), as a real dialer would be.
    await page.waitForTimeout(1000);
  }
  await page.close();
  return [
    { group: 'detection', name: 'protocol dialer calls', value: calls, unit: 'calls' },
    ...latencyFigures('detection', 'protocol dialer end → toast', samples, { atMost: 100 }),
  ];
}

/** Clicks a control from inside the page and returns the page-clock time just before the click. */
const clickStamped = (page: Page, selector: string): Promise<number> =>
  page.evaluate((sel) => {
    const at = performance.timeOrigin + performance.now();
    (document.querySelector(sel) as HTMLElement).click();
    return at;
  }, selector);

/**
 * Google Voice (a DOM dialer): the end is the in-call hang-up control going away, which the
 * fixture does synchronously inside the click, so the click's time is the end's time.
 */
export async function domDetectionLatency(session: ExtensionSession, calls: number): Promise<Figure[]> {
  const page = await openWatched(session, 'google-voice/index.html?answerDelayMs=0');
  const samples: number[] = [];
  for (let i = 1; i <= calls; i++) {
    await page.click('#new-call');
    await page.locator('[gv-test-id="in-call-callduration"]').waitFor();
    // The detector looks at the page at most every 150 ms; let it see the call up before it ends.
    await page.waitForTimeout(400);
    const endedAt = await clickStamped(page, '#end-call');
    samples.push((await waitForToastCount(page, i)) - endedAt);
    await page.waitForTimeout(1000);
  }
  await page.close();
  return [
    { group: 'detection', name: 'DOM dialer calls', value: calls, unit: 'calls' },
    ...latencyFigures('detection', 'DOM dialer (Google Voice) end → toast', samples, { atMost: 100 }),
  ];
}

/** A two-peer WebRTC call with audio (fake microphone): the end is the page's close(). */
/** One WebRTC call on a fresh page (the fixture makes one call per load, as a softphone tab would): close() → toast. */
export async function webrtcCallToToast(session: ExtensionSession): Promise<number> {
  const page = await openWatched(session, 'webrtc-call/index.html');
  await page.click('#start-button');
  await page.waitForFunction(() => document.getElementById('call-status')?.textContent === 'Connected', null, {
    timeout: 15_000,
  });
  await page.waitForTimeout(100);
  const endedAt = await clickStamped(page, '#hangup-button');
  const latency = (await waitForToastCount(page, 1)) - endedAt;
  await page.waitForTimeout(500);
  await page.close();
  return latency;
}

export async function webrtcDetectionLatency(session: ExtensionSession, calls: number): Promise<Figure[]> {
  const samples: number[] = [];
  for (let i = 1; i <= calls; i++) samples.push(await webrtcCallToToast(session));
  return [
    { group: 'detection', name: 'WebRTC calls', value: calls, unit: 'calls' },
    ...latencyFigures('detection', 'WebRTC call close() → toast', samples, { atMost: 50 }),
  ];
}
