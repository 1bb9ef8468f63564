/**
 * Conversation signals (issue 13), in Chromium with a scripted call (tests/fixtures/talk-call):
 * each side's voice is an oscillator switched on and off by a script, so who spoke when is known.
 * The recorded call's figures match the script; an open line is split into its conversations;
 * a short call that sounded rough is nudged and says why; with the setting off the hook reads
 * no statistics at all (getStats calls counted).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import type { CallRecord } from '../../src/db/schema';
import type { TalkSpan } from '../../src/talk/talk-timeline';
import { extensionUnderTest } from './extension-under-test';
import { waitForCalls } from './wait-for-calls';

const PEER_SCRIPT = readFileSync(path.join(import.meta.dirname, '../fixtures/talk-call/talk-peer.js'), 'utf8');

type Span = [from: number, to: number, gain?: number];
interface TalkScript {
  rep: Span[];
  far: Span[];
}

const session = extensionUnderTest({ settings: { minCallSeconds: 1, cooldownMinutes: 0 } });

/** Counts getStats calls on every page, wrapped before Rebound's hook takes its copy. */
async function countGetStats(): Promise<void> {
  await session.context.addInitScript(() => {
    const original = RTCPeerConnection.prototype.getStats;
    const counter = window as unknown as { getStatsCalls: number };
    counter.getStatsCalls = 0;
    RTCPeerConnection.prototype.getStats = function (this: RTCPeerConnection, ...args: []) {
      counter.getStatsCalls += 1;
      return original.apply(this, args);
    };
  });
}

const getStatsCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { getStatsCalls: number }).getStatsCalls);

/**
 * Connects the rep's page to a far end in an about:blank tab (no Rebound there), then plays the
 * script from `leadSeconds` on. Resolves with the rep's page and when the script's clock started.
 */
async function scriptedCall(script: TalkScript, leadSeconds = 2): Promise<{ rep: Page; far: Page; zero: number }> {
  const rep = await session.openFixture('talk-call/index.html');
  const far = await session.context.newPage();
  await far.addScriptTag({ content: PEER_SCRIPT });
  // A click first: audio may start only after the person used the page.
  for (const page of [rep, far]) await page.mouse.click(5, 5);
  const offer = await rep.evaluate(() => window.talkPeer.offer(440));
  const answer = await far.evaluate((sdp) => window.talkPeer.answer(660, sdp), offer);
  await rep.evaluate((sdp) => window.talkPeer.accept(sdp), answer);
  await expect.poll(() => rep.evaluate(() => window.talkPeer.connected()), { timeout: 15_000 }).toBe(true);
  const zero = Date.now() + leadSeconds * 1000;
  await rep.evaluate(([at, spans]) => window.talkPeer.speak(at, spans), [zero, script.rep] as const);
  await far.evaluate(([at, spans]) => window.talkPeer.speak(at, spans), [zero, script.far] as const);
  return { rep, far, zero };
}

const untilScriptTime = (zero: number, seconds: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, zero + seconds * 1000 - Date.now())));

/** The timeline without quiet at its ends (before the script starts and after it stops). */
function spoken(timeline: readonly TalkSpan[]): TalkSpan[] {
  const spans = [...timeline];
  while (spans[0]?.[0] === 0) spans.shift();
  while (spans.at(-1)?.[0] === 0) spans.pop();
  return spans;
}

/** Each span within a second of the script's: same speakers, in the same order. */
function expectSpans(actual: readonly TalkSpan[], expected: readonly TalkSpan[]): void {
  expect(actual.map(([speakers]) => speakers)).toEqual(expected.map(([speakers]) => speakers));
  actual.forEach(([, seconds], i) => {
    expect(Math.abs(seconds - (expected[i]?.[1] ?? 0)), `span ${i}: ${JSON.stringify(actual)}`).toBeLessThanOrEqual(1);
  });
}

declare global {
  interface Window {
    talkPeer: {
      offer(hz: number): Promise<string>;
      answer(hz: number, offer: string): Promise<string>;
      accept(answer: string): Promise<void>;
      connected(): boolean;
      speak(startAt: number, spans: readonly Span[]): void;
      hangUp(): void;
    };
  }
}

describe('conversation signals', () => {
  it('records figures that match the script within a second per span', async () => {
    await countGetStats();
    // The rep talks 1–6, the other side 4–13 (2 s over each other), quiet, the rep again 15–18.
    const { rep, zero } = await scriptedCall({
      rep: [
        [1, 6],
        [15, 18],
      ],
      far: [[4, 13]],
    });
    await untilScriptTime(zero, 19.5);
    await rep.evaluate(() => window.talkPeer.hangUp());
    const [call] = await waitForCalls(session, 1);
    const talk = (call as CallRecord).talk;
    if (!talk) throw new Error(`no figures on ${JSON.stringify(call)}`);
    expectSpans(spoken(talk.timeline), [
      [1, 3],
      [3, 2],
      [2, 7],
      [0, 2],
      [1, 3],
    ]);
    const f = talk.figures;
    // Totals are sums of spans: within a second per span that makes them up.
    expect(Math.abs(f.repTalkS - 8)).toBeLessThanOrEqual(2);
    expect(Math.abs(f.otherTalkS - 9)).toBeLessThanOrEqual(1);
    expect(Math.abs(f.overtalkS - 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(f.longestOtherS - 7)).toBeLessThanOrEqual(1);
    expect(Math.abs(f.longestRepS - 3)).toBeLessThanOrEqual(1);
    expect(f.loudMoments).toBe(0);
    expect(await getStatsCalls(rep)).toBeGreaterThan(10);
    expect(session.extensionErrors).toEqual([]);
  });

  it('splits a line that stays open into its conversations, and asks about the short one that sounded rough', async () => {
    const page = await session.openFixture('talk-call/index.html');
    await session.setSettings({
      minCallSeconds: 20,
      cooldownMinutes: 0,
      openLines: [{ site: new URL(page.url()).origin, open: true, quietSeconds: 10 }],
    });
    await page.close();
    // A calm 8-second conversation (1–9), a 40-second quiet spell with the line up, then a
    // 15-second one where they talk over the rep for 13 seconds (49–64).
    const { rep, zero } = await scriptedCall({
      rep: [
        [1, 4],
        [49, 64],
      ],
      far: [
        [4, 9],
        [50, 63],
      ],
    });
    const toast = await ClosedShadowToast.attach(rep);
    const [first] = await waitForCallsBy(zero, 30, 1);
    expect(first?.durationMs).toBeGreaterThanOrEqual(7_000);
    expect(first?.durationMs).toBeLessThanOrEqual(10_000);
    expect(await toast.isShown()).toBe(false);

    await untilScriptTime(zero, 64);
    const calls = await waitForCallsBy(zero, 80, 2);
    const second = calls.find((call) => call.callKey !== first?.callKey);
    expect(second?.durationMs).toBeGreaterThanOrEqual(14_000);
    expect(second?.durationMs).toBeLessThanOrEqual(17_000);
    expect(second?.talk?.figures.overtalkS).toBeGreaterThanOrEqual(12);
    // Under the 20-second minimum, and nudged all the same, saying why.
    await toast.waitShown(5000);
    expect(await toast.text()).toMatch(/They talked over you for 0:1[2-4]\./);
    // The line is still up: the conversations were the calls, not the connection.
    expect(await rep.evaluate(() => window.talkPeer.connected())).toBe(true);
    expect(session.extensionErrors).toEqual([]);
  }, 150_000);

  it('with the setting off, reads no statistics and stores no figures', async () => {
    await session.setSettings({ minCallSeconds: 1, conversationSignals: false });
    await countGetStats();
    const { rep, zero } = await scriptedCall({ rep: [[0, 3]], far: [[2, 5]] }, 0);
    await untilScriptTime(zero, 6);
    await rep.evaluate(() => window.talkPeer.hangUp());
    const [call] = await waitForCalls(session, 1);
    expect(call).not.toHaveProperty('talk');
    expect(await getStatsCalls(rep)).toBe(0);
  });
});

/** Waits until `count` calls are recorded, at the latest `bySeconds` into the script. */
async function waitForCallsBy(zero: number, bySeconds: number, count: number): Promise<CallRecord[]> {
  await expect
    .poll(async () => (await session.readTable<CallRecord>('calls')).length, {
      timeout: Math.max(1000, zero + bySeconds * 1000 - Date.now()),
      interval: 250,
    })
    .toBe(count);
  return session.readTable<CallRecord>('calls');
}
