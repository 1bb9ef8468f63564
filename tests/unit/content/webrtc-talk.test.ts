// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://crm.example.com/calls"}
/**
 * The WebRTC adapter's conversation signals: it asks the hook to sample only when the setting is
 * on, turns talk samples into the figures sent with the call's end, splits a line that stays
 * open into conversations, and stays bounded under forged samples.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { webrtcAdapterWith } from '../../../src/content/adapters/webrtc';
import '../../../src/content/talk/index';
import { loadedTalkScript, type TalkScript } from '../../../src/content/talk-script';
import type { StartTalk } from '../../../src/content/talk-start';
import type { CallSignal } from '../../../src/messages/call-signal';
import { WEBRTC_EVENT, WEBRTC_SAMPLING_EVENT, type WebrtcCallNotice } from '../../../src/page/webrtc-channel';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { METER_HOLD_MS } from '../../../src/talk/open-line-splitter';
import fakeBrowser from '../fakes/fake-browser';
import { lineOf } from '../fakes/webrtc-notice';

let clock = 0;
let signals: CallSignal[] = [];
let samplingAsked = 0;
let controller: AbortController;
const countAsk = () => {
  samplingAsked += 1;
};

const talkScript = loadedTalkScript() as TalkScript;
/** What the background answers when a call starts: the talk script loaded, and the line's quiet spell when it stays open. */
let startTalk: StartTalk = async () => ({ talk: talkScript });
let talkStarts = 0;

/** The background's answer to `talk-start` waits until the test gives it. */
function holdTalkAnswer(): (start: Awaited<ReturnType<StartTalk>>) => void {
  let answer: (start: Awaited<ReturnType<StartTalk>>) => void = () => undefined;
  startTalk = () => new Promise((resolve) => (answer = resolve));
  return (start) => answer(start);
}

async function start(settings: Partial<Settings> = {}, quietMs?: number): Promise<void> {
  await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, ...settings } });
  controller = new AbortController();
  if (quietMs !== undefined) startTalk = async () => ({ talk: talkScript, quietMs });
  webrtcAdapterWith(() => {
    talkStarts += 1;
    return startTalk();
  }).start(
    window,
    (signal) => signals.push(signal),
    controller.signal,
    () => clock,
  );
  // The settings arrive from storage.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** What the adapter asks of the hook's sampling ('on', 'off', 'fine', 'now'), until it stops. */
function recordSamplingAsks(): unknown[] {
  const asked: unknown[] = [];
  document.addEventListener(WEBRTC_SAMPLING_EVENT, (event) => asked.push((event as CustomEvent).detail), {
    signal: controller.signal,
  });
  return asked;
}

const notice = (detail: WebrtcCallNotice) =>
  document.dispatchEvent(new CustomEvent(WEBRTC_EVENT, { detail: lineOf(detail) }));
const talk = (id: string, who: '.' | 'r' | 'o' | 'b') =>
  notice({
    kind: 'talk',
    id,
    r: who === 'r' || who === 'b' ? 1 : 0,
    o: who === 'o' || who === 'b' ? 1 : 0,
    rl: who === 'r' || who === 'b' ? 200 : 0,
    ol: who === 'o' || who === 'b' ? 200 : 0,
  });
/** One sample a second, along a script like 'rrbo..'. */
function speak(id: string, script: string): void {
  for (const who of script) {
    clock += 1000;
    vi.advanceTimersByTime(1000);
    talk(id, who as '.' | 'r' | 'o' | 'b');
  }
}

/** The rep's own settings change as the browser tells it: stored, then announced; read again by the adapter. */
async function storeOwn(settings: Partial<Settings>): Promise<void> {
  const newValue = { ...DEFAULT_SETTINGS, ...settings };
  await fakeBrowser.storage.local.set({ settings: newValue });
  fakeBrowser.storage.onChanged.emit({ settings: { newValue } }, 'local');
  await vi.advanceTimersByTimeAsync(0);
}

/** The organization's policy changes while the page runs, as Chrome announces it. */
async function storePolicy(policy: Record<string, unknown>): Promise<void> {
  fakeBrowser.storage.managed.reset();
  await fakeBrowser.storage.managed.set(policy);
  fakeBrowser.storage.onChanged.emit(
    Object.fromEntries(Object.entries(policy).map(([key, newValue]) => [key, { newValue }])),
    'managed',
  );
  await vi.advanceTimersByTimeAsync(0);
}

/** The background's answer arrives. */
const answered = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  startTalk = async () => ({ talk: talkScript });
  talkStarts = 0;
  clock = 0;
  signals = [];
  samplingAsked = 0;
  document.addEventListener(WEBRTC_SAMPLING_EVENT, countAsk);
});
afterEach(() => {
  controller.abort();
  document.removeEventListener(WEBRTC_SAMPLING_EVENT, countAsk);
  vi.useRealTimers();
});

describe('conversation signals in the WebRTC adapter', () => {
  it('asks the hook to sample and sends the call’s figures with its end', async () => {
    await start();
    expect(samplingAsked).toBe(1);
    vi.useFakeTimers();
    notice({ kind: 'started', id: 'k3x9-1' });
    await answered();
    speak('k3x9-1', 'rrrbbooo.');
    notice({ kind: 'ended', id: 'k3x9-1' });
    expect(signals.map((signal) => signal.kind)).toEqual(['started', 'ended']);
    expect(signals[1]?.talk?.figures).toMatchObject({ heardS: 9, repTalkS: 5, otherTalkS: 5, overtalkS: 2 });
    expect(signals[1]?.talk?.timeline).toEqual([
      [1, 3],
      [3, 2],
      [2, 3],
      [0, 1],
    ]);
  });

  it('with the setting off, never asks the hook to sample and sends no figures', async () => {
    await start({ conversationSignals: false });
    vi.useFakeTimers();
    notice({ kind: 'started', id: 'k3x9-1' });
    await answered();
    speak('k3x9-1', 'rrroo');
    notice({ kind: 'ended', id: 'k3x9-1' });
    expect(samplingAsked).toBe(0);
    expect(talkStarts).toBe(0);
    expect(signals[1]).not.toHaveProperty('talk');
  });

  it('turned off during a call: tells the hook to stop, and the call ends without figures', async () => {
    await start();
    vi.useFakeTimers();
    const asked = recordSamplingAsks();
    notice({ kind: 'started', id: 'k3x9-1' });
    await answered();
    speak('k3x9-1', 'rroo');
    await storeOwn({ conversationSignals: false });
    speak('k3x9-1', 'rr');
    notice({ kind: 'ended', id: 'k3x9-1' });
    expect(asked).toEqual(['on', 'off']);
    expect(signals[1]).not.toHaveProperty('talk');
  });

  it('with the organization’s policy off, the rep turning it on mid-call changes nothing: no sampling, no figures', async () => {
    await fakeBrowser.storage.managed.set({ conversationSignals: false });
    await start();
    vi.useFakeTimers();
    notice({ kind: 'started', id: 'k3x9-1' });
    await answered();
    speak('k3x9-1', 'rroo');
    await storeOwn({ conversationSignals: true });
    speak('k3x9-1', 'rrbboo');
    notice({ kind: 'ended', id: 'k3x9-1' });
    expect(samplingAsked).toBe(0);
    expect(talkStarts).toBe(0);
    expect(signals.map((signal) => signal.kind)).toEqual(['started', 'ended']);
    expect(signals[1]).not.toHaveProperty('talk');
  });

  it('a policy that turns signals off mid-call wins over the rep’s own: the hook stops, no figures', async () => {
    await start();
    vi.useFakeTimers();
    const asked = recordSamplingAsks();
    notice({ kind: 'started', id: 'k3x9-1' });
    await answered();
    speak('k3x9-1', 'rroo');
    await storePolicy({ conversationSignals: false });
    speak('k3x9-1', 'rr');
    // The rep's copy changing again (still on) does not bring sampling back.
    await storeOwn({ conversationSignals: true, minCallSeconds: 5 });
    speak('k3x9-1', 'oo');
    notice({ kind: 'ended', id: 'k3x9-1' });
    expect(asked).toEqual(['on', 'off']);
    expect(signals[1]).not.toHaveProperty('talk');
  });

  it('splits a line that stays open into one call per conversation, ended at its last speech', async () => {
    // The background decides the line stays open (it has the catalog and the settings) and says its quiet spell.
    await start({}, 5000);
    vi.useFakeTimers();
    notice({ kind: 'started', id: 'k3x9-1' });
    await answered();
    expect(signals).toEqual([]);
    speak('k3x9-1', `..rrroo.o${'.'.repeat(12)}oorr...`);
    notice({ kind: 'ended', id: 'k3x9-1' });
    expect(signals.map(({ kind, callId, at }) => ({ kind, callId, at }))).toEqual([
      { kind: 'started', callId: 'k3x9-1.1', at: 2000 },
      { kind: 'ended', callId: 'k3x9-1.1', at: 9000 - METER_HOLD_MS },
      { kind: 'started', callId: 'k3x9-1.2', at: 21_000 },
      // The connection closed inside the quiet spell: the conversation ends at its last speech.
      { kind: 'ended', callId: 'k3x9-1.2', at: 25_000 - METER_HOLD_MS },
    ]);
    // The quiet spell that ended the first conversation is not part of its figures.
    expect(signals[1]?.talk?.figures).toMatchObject({ heardS: 7, silenceS: 1 });
  });

  it('drops forged samples: too fast for one connection, or for connections it never heard start', async () => {
    await start();
    vi.useFakeTimers();
    notice({ kind: 'started', id: 'k3x9-1' });
    await answered();
    for (let i = 0; i < 5000; i++) talk('k3x9-1', 'o');
    for (let i = 0; i < 100; i++) talk(`zz-${i}`, 'o');
    clock += 1000;
    talk('k3x9-1', 'r');
    notice({ kind: 'ended', id: 'k3x9-1' });
    expect(signals[1]?.talk?.figures).toMatchObject({ heardS: 2 });
  });

  it('follows at most ten connections a frame; more get no figures, and no exception', async () => {
    await start();
    vi.useFakeTimers();
    for (let i = 1; i <= 50; i++) notice({ kind: 'started', id: `k3x9-${i}` });
    await answered();
    clock += 1000;
    for (let i = 1; i <= 50; i++) talk(`k3x9-${i}`, 'r');
    for (let i = 1; i <= 50; i++) notice({ kind: 'ended', id: `k3x9-${i}` });
    const ends = signals.filter((signal) => signal.kind === 'ended');
    expect(ends).toHaveLength(50);
    expect(ends.filter((signal) => signal.talk)).toHaveLength(10);
  });

  it('asks for the talk script once per call, and keeps what it heard before the answer came', async () => {
    const answer = holdTalkAnswer();
    await start();
    vi.useFakeTimers();
    notice({ kind: 'started', id: 'k3x9-1' });
    speak('k3x9-1', 'rroo');
    notice({ kind: 'ended', id: 'k3x9-1' });
    expect(signals).toEqual([]);
    answer({ talk: talkScript });
    await answered();
    expect(talkStarts).toBe(1);
    expect(signals.map(({ kind, at }) => ({ kind, at }))).toEqual([
      { kind: 'started', at: 0 },
      { kind: 'ended', at: 4000 },
    ]);
    expect(signals[1]?.talk?.figures).toMatchObject({ heardS: 4, repTalkS: 2, otherTalkS: 2 });
  });

  it('records the call without figures when the talk script could not be loaded', async () => {
    startTalk = async () => undefined;
    await start();
    vi.useFakeTimers();
    notice({ kind: 'started', id: 'k3x9-1' });
    await answered();
    speak('k3x9-1', 'rroo');
    notice({ kind: 'ended', id: 'k3x9-1' });
    expect(signals.map((signal) => signal.kind)).toEqual(['started', 'ended']);
    expect(signals[1]).not.toHaveProperty('talk');
  });

  it('keeps at most thirty samples while it waits for the answer', async () => {
    const answer = holdTalkAnswer();
    await start();
    vi.useFakeTimers();
    notice({ kind: 'started', id: 'k3x9-1' });
    speak('k3x9-1', 'r'.repeat(100));
    answer({ talk: talkScript });
    await answered();
    notice({ kind: 'ended', id: 'k3x9-1' });
    expect(signals[1]?.talk?.figures).toMatchObject({ heardS: 30 });
  });

  it('on a line that stays open, asks the hook for fine timing and ends a conversation where its speech did', async () => {
    await start({}, 5000);
    vi.useFakeTimers();
    const asked = recordSamplingAsks();
    notice({ kind: 'started', id: 'k3x9-1' });
    await answered();
    expect(asked).toContain('fine');
    speak('k3x9-1', 'oo');
    // The hook's report: the last quarter second with speech ended 750 ms ago, at full level; the
    // sound stopped the meter's hold before that.
    clock += 1000;
    vi.advanceTimersByTime(1000);
    notice({ kind: 'talk', id: 'k3x9-1', r: 0, o: 1, rl: 0, ol: 50, q: 750, sd: 250, sl: 200 });
    speak('k3x9-1', '.'.repeat(6));
    expect(signals.map(({ kind, at }) => ({ kind, at }))).toEqual([
      { kind: 'started', at: 0 },
      { kind: 'ended', at: 2250 - METER_HOLD_MS },
    ]);
  });

  describe('when an open line’s quiet spell is nearly over, one fresh sample decides', () => {
    /**
     * A conversation whose speech ended at 335 (quiet 5 s): the fresh sample is asked for at 5135,
     * 135 ms after a quiet report; the quiet spell is over at 5335.
     */
    async function quietUntilTheAsk(): Promise<unknown[]> {
      await start({}, 5000);
      vi.useFakeTimers();
      notice({ kind: 'started', id: 'k3x9-1' });
      await answered();
      const asked = recordSamplingAsks();
      clock += 1000;
      vi.advanceTimersByTime(1000);
      notice({ kind: 'talk', id: 'k3x9-1', r: 0, o: 1, rl: 0, ol: 200, q: 500, sd: 250, sl: 200 });
      speak('k3x9-1', '....');
      advance(134);
      expect(asked).toEqual([]);
      advance(1);
      return asked;
    }
    const advance = (ms: number) => {
      clock += ms;
      vi.advanceTimersByTime(ms);
    };
    const ends = () => signals.filter((signal) => signal.kind === 'ended').map(({ at }) => at);
    const lastSpeech = 500 - METER_HOLD_MS;

    it('asks the hook for it 200 ms early, and ends the conversation on time when it comes back quiet', async () => {
      const asked = await quietUntilTheAsk();
      expect(asked).toEqual(['now']);
      // 160 ms after the last report: inside the gap that drops forged samples, but asked for.
      advance(25);
      talk('k3x9-1', '.');
      advance(174);
      expect(ends()).toEqual([]);
      advance(1);
      expect(ends()).toEqual([lastSpeech]);
    });

    it('ends the conversation the moment a late answer comes back quiet', async () => {
      await quietUntilTheAsk();
      advance(230);
      expect(ends()).toEqual([]);
      talk('k3x9-1', '.');
      expect(ends()).toEqual([lastSpeech]);
    });

    it('keeps the conversation going when the fresh sample hears speech', async () => {
      await quietUntilTheAsk();
      advance(25);
      talk('k3x9-1', 'o');
      const spokeAt = clock;
      advance(500);
      expect(ends()).toEqual([]);
      speak('k3x9-1', '.'.repeat(6));
      expect(ends()).toEqual([spokeAt - METER_HOLD_MS]);
    });

    it('ends it anyway 250 ms past the quiet spell when the hook does not answer', async () => {
      await quietUntilTheAsk();
      advance(449);
      expect(ends()).toEqual([]);
      advance(1);
      expect(ends()).toEqual([lastSpeech]);
    });
  });
});
