/**
 * The toast's "rate this call": the rep's click to the worker's reply arriving in the toast's
 * content script (the reply carries the escalation a run of tough calls shows). The toast's
 * isolated world is reached over CDP; there `chrome.runtime.sendMessage` is wrapped to stamp a
 * `rate-call`'s reply, and a capturing click listener stamps the click. Both clocks are the
 * page's time origin plus performance.now(), so they compare.
 */
import type { CDPSession } from 'playwright-core';
import { ClosedShadowToast } from '../driver/closed-shadow';
import type { ExtensionSession } from '../driver/extension-session';
import { openWatchedDialer, postCall, waitForToastCount } from './detection-latency';
import { type Figure, latencyFigures } from './figures';

const STAMP_RATING_REPLIES = `(() => {
  if (globalThis.__ratingTimes) return;
  const times = (globalThis.__ratingTimes = { clicks: [], replies: [] });
  const now = () => performance.timeOrigin + performance.now();
  window.addEventListener('click', (event) => times.clicks.push(performance.timeOrigin + event.timeStamp), true);
  const send = chrome.runtime.sendMessage.bind(chrome.runtime);
  chrome.runtime.sendMessage = (...args) => {
    const message = args[0];
    const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    return send(...args, (reply) => {
      if (message && message.type === 'rate-call') times.replies.push(now());
      callback?.(reply);
    });
  };
})()`;

interface RatingTimes {
  clicks: number[];
  replies: number[];
}

/** The extension's isolated world in the page's top frame, where the toast's script runs. */
async function contentWorld(cdp: CDPSession, extensionId: string): Promise<number> {
  const worlds: Array<{ id: number; origin: string; auxData?: { frameId?: string; isDefault?: boolean } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const world = worlds.find(
    (context) =>
      context.auxData?.frameId === frameTree.frame.id &&
      context.auxData.isDefault === false &&
      context.origin.includes(extensionId),
  );
  if (!world) throw new Error("the toast's isolated world was not found");
  return world.id;
}

async function inWorld<T>(cdp: CDPSession, contextId: number, expression: string): Promise<T> {
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
    contextId,
    expression,
    returnByValue: true,
  })) as { result: { value: T }; exceptionDetails?: { text: string } };
  if (exceptionDetails) throw new Error(`in the toast's world: ${exceptionDetails.text}`);
  return result.value;
}

async function waitForReplies(cdp: CDPSession, contextId: number, count: number): Promise<RatingTimes> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const times = await inWorld<RatingTimes>(cdp, contextId, 'globalThis.__ratingTimes');
    if (times.replies.length >= count) return times;
    if (Date.now() > deadline) throw new Error(`no reply to rating ${count} within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export type ToastRating = 'Fine' | 'Tough';

/** A demo dialer whose `round(rating)` ends a nudged call, rates it in its toast, and returns click → reply. */
export async function ratingRounds(session: ExtensionSession) {
  const { page, widget } = await openWatchedDialer(session);
  const toast = await ClosedShadowToast.attach(page);
  const cdp = await page.context().newCDPSession(page);
  let world: number | undefined;
  let round = 0;
  return {
    async round(rating: ToastRating): Promise<number> {
      round += 1;
      await postCall(widget, `rating-${round}-${Date.now()}`, 20);
      await waitForToastCount(page, round);
      await toast.waitShown();
      world ??= await contentWorld(cdp, session.extensionId);
      await inWorld(cdp, world, STAMP_RATING_REPLIES);
      await toast.click(rating);
      const times = await waitForReplies(cdp, world, round);
      const clickedAt = times.clicks.at(-1);
      const repliedAt = times.replies.at(-1);
      if (clickedAt === undefined || repliedAt === undefined) throw new Error('rating not stamped');
      // Paced under the per-tab signal budget; the refreshes a rating starts are over by the next.
      await page.waitForTimeout(1000);
      return repliedAt - clickedAt;
    },
    async close() {
      await cdp.detach();
      await page.close();
    },
  };
}

/** Each round a nudged call, rated `rating` in its toast; the click → reply of every rating. */
export async function ratingReplyLatency(
  session: ExtensionSession,
  rounds: number,
  rating: ToastRating,
): Promise<Figure[]> {
  const dialer = await ratingRounds(session);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) samples.push(await dialer.round(rating));
  await dialer.close();
  return latencyFigures('toast', `rating ${rating.toLowerCase()}: click → reply`, samples).filter(
    (figure) => !figure.name.endsWith('max'),
  );
}
