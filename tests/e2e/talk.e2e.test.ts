/**
 * Conversation signals (issue 13), in Chromium with a scripted call (tests/fixtures/talk-call):
 * each side's voice is an oscillator switched on and off by a script, so who spoke when is known.
 * The recorded call's figures match the script; an open line is split into its conversations;
 * a short call that sounded rough is nudged and says why; with the setting off the hook reads
 * no statistics at all (getStats calls counted).
 */
import { describe, expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import {
  COUNT_GET_STATS,
  getStatsCalls,
  scriptedCall,
  type TalkScript,
  untilScriptTime,
} from '../../scripts/driver/talk-call';
import type { CallRecord } from '../../src/db/schema';
import type { TalkSpan } from '../../src/talk/talk-timeline';
import { extensionUnderTest } from './extension-under-test';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest({ settings: { minCallSeconds: 1, cooldownMinutes: 0 } });

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

describe('conversation signals', () => {
  it('records figures that match the script within a second per span', async () => {
    // The rep talks 1–6, the other side 4–13 (2 s over each other), quiet, the rep again 15–18.
    const script = {
      rep: [
        [1, 6],
        [15, 18],
      ],
      far: [[4, 13]],
    } satisfies TalkScript;
    const call = await scriptedCall(session, script, { initScript: COUNT_GET_STATS });
    const { rep, zero } = call;
    // The page then replaces getStats with one that refuses, and polls statistics itself: the
    // hook's own copy is neither fooled nor broken.
    const pageErrors: string[] = [];
    rep.on('pageerror', (error) => pageErrors.push(error.message));
    await rep.evaluate(() => {
      const proto = RTCPeerConnection.prototype;
      proto.getStats = () => Promise.reject(new Error('the page says no'));
      const own = new RTCPeerConnection();
      setInterval(() => own.getStats().catch(() => undefined), 300);
    });
    await untilScriptTime(zero, 19.5);
    await call.hangUp();
    const [recorded] = await waitForCalls(session, 1);
    const talk = (recorded as CallRecord).talk;
    if (!talk) throw new Error(`no figures on ${JSON.stringify(recorded)}`);
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
    expect(pageErrors).toEqual([]);
    expect(session.extensionErrors).toEqual([]);
  });

  it('splits a line that stays open into its conversations, and asks about the short one that sounded rough', async () => {
    const page = await session.openFixture('talk-call/index.html');
    await session.setSettings({
      minCallSeconds: 20,
      cooldownMinutes: 0,
      // The shortest quiet spell the setting takes: the test waits it out after each conversation.
      openLines: [{ site: new URL(page.url()).origin, open: true, quietSeconds: 5 }],
    });
    await page.close();
    // A calm 8-second conversation (1–9), an 11-second quiet spell with the line up (twice the
    // quiet period), then a 15-second one where they talk over the rep for 13 seconds (20–35).
    const call = await scriptedCall(session, {
      rep: [
        [1, 4],
        [20, 35],
      ],
      far: [
        [4, 9],
        [21, 34],
      ],
    });
    const { rep, zero } = call;
    const toast = await ClosedShadowToast.attach(rep);
    const [first] = await waitForCallsBy(zero, 25, 1);
    expect(first?.durationMs).toBeGreaterThanOrEqual(7_000);
    expect(first?.durationMs).toBeLessThanOrEqual(10_000);
    expect(await toast.isShown()).toBe(false);

    await untilScriptTime(zero, 35);
    const calls = await waitForCallsBy(zero, 46, 2);
    const second = calls.find((call) => call.callKey !== first?.callKey);
    expect(second?.durationMs).toBeGreaterThanOrEqual(14_000);
    expect(second?.durationMs).toBeLessThanOrEqual(17_000);
    expect(second?.talk?.figures.overtalkS).toBeGreaterThanOrEqual(12);
    // Under the 20-second minimum, and nudged all the same, saying why.
    await toast.waitShown(5000);
    expect(await toast.text()).toMatch(/They talked over you for 0:1[2-4]\./);
    // The line is still up: the conversations were the calls, not the connection.
    expect(await call.connected()).toBe(true);
    expect(session.extensionErrors).toEqual([]);
  }, 150_000);

  it('with the setting off, reads no statistics and stores no figures', async () => {
    await session.setSettings({ minCallSeconds: 1, conversationSignals: false });
    const call = await scriptedCall(
      session,
      { rep: [[0, 3]], far: [[2, 5]] },
      { leadSeconds: 0, initScript: COUNT_GET_STATS },
    );
    await untilScriptTime(call.zero, 6);
    const calls = await getStatsCalls(call.rep);
    await call.hangUp();
    const [recorded] = await waitForCalls(session, 1);
    expect(recorded).not.toHaveProperty('talk');
    expect(calls).toBe(0);
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
