/**
 * A scripted two-sided WebRTC call (tests/fixtures/talk-call): the rep's page where Rebound runs,
 * and the far end in an about:blank tab where it does not, each "voice" an oscillator switched
 * on and off by a script of spans. Offer and answer pass through here. Used by the talk e2e tests
 * and the open-line bench.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../build';
import type { ExtensionSession } from './extension-session';
import { SCRIPT_ANSWER_MS, within } from './within';

/** [from, to, gain?] in seconds after the script's start; gain 0.3 is talking, 0.9 shouting. */
export type TalkSpanScript = [from: number, to: number, gain?: number];

export interface TalkScript {
  rep: TalkSpanScript[];
  far: TalkSpanScript[];
}

interface TalkPeer {
  offer(hz: number): Promise<string>;
  answer(hz: number, offer: string): Promise<string>;
  accept(answer: string): Promise<void>;
  connected(): boolean;
  lastHeardAt(): number;
  speak(startAt: number, spans: readonly TalkSpanScript[]): void;
  hangUp(): void;
}
declare global {
  interface Window {
    /** The fixture's side of the call (talk-peer.js). */
    talkPeer: TalkPeer;
  }
}

const PEER_SCRIPT = readFileSync(path.join(repoRoot, 'tests/fixtures/talk-call/talk-peer.js'), 'utf8');

export interface TalkCall {
  rep: Page;
  far: Page;
  /** Epoch ms of the script's second 0. */
  zero: number;
  /** Plays another script on the same connection, from `leadSeconds` on; its zero. */
  speak(script: TalkScript, leadSeconds?: number): Promise<number>;
  connected(): Promise<boolean>;
  /** When the far side was last heard in the rep's page (epoch ms), by an analyser on what plays. */
  lastHeardAt(): Promise<number>;
  hangUp(): Promise<void>;
}

/** Counts getStats calls in the rep's page (as `initScript`): wrapped before Rebound's hook takes its copy. */
export const COUNT_GET_STATS = `
  window.getStatsCalls = 0;
  const original = RTCPeerConnection.prototype.getStats;
  RTCPeerConnection.prototype.getStats = function (...args) {
    window.getStatsCalls += 1;
    return original.apply(this, args);
  };
`;

/** A script run in one of the call's pages, bounded: a hang says what it was waiting for. */
const inPage = <T>(awaited: string, run: Promise<T>): Promise<T> => within(SCRIPT_ANSWER_MS, awaited, run);

/** How many times the rep's page's connections were asked for statistics (with COUNT_GET_STATS). */
export const getStatsCalls = (page: Page): Promise<number> =>
  inPage(
    "the rep's page's getStats count",
    page.evaluate(() => (window as unknown as { getStatsCalls: number }).getStatsCalls),
  );

export interface CallOptions {
  leadSeconds?: number;
  /** Runs in the rep's page before its own scripts (a counter, a watcher). */
  initScript?: string;
  /** Where the rep's page is served from (default: the fixture server's own origin). */
  origin?: string;
}

/** Connects the two sides and plays `script` from `leadSeconds` on. */
export async function scriptedCall(
  session: ExtensionSession,
  script: TalkScript,
  { leadSeconds = 2, initScript, origin = session.server.url }: CallOptions = {},
): Promise<TalkCall> {
  await session.waitForDetector();
  const rep = await session.context.newPage();
  if (initScript) await rep.addInitScript(initScript);
  await rep.goto(new URL('talk-call/index.html', origin).href);
  const far = await session.context.newPage();
  await far.addScriptTag({ content: PEER_SCRIPT });
  // A click first: audio may start only after the person used the page.
  for (const page of [rep, far]) await page.mouse.click(5, 5);
  const offer = await inPage(
    "the rep's offer",
    rep.evaluate((hz) => window.talkPeer.offer(hz), 440),
  );
  const answer = await inPage(
    "the other side's answer",
    far.evaluate(([hz, sdp]) => window.talkPeer.answer(hz, sdp), [660, offer] as const),
  );
  await inPage(
    "the rep's page to take the answer",
    rep.evaluate((sdp) => window.talkPeer.accept(sdp), answer),
  );
  await rep.waitForFunction(() => window.talkPeer.connected(), undefined, { timeout: 15_000 });
  const speak = async (next: TalkScript, lead = leadSeconds) => {
    const zero = Date.now() + lead * 1000;
    await inPage(
      "the rep's script",
      rep.evaluate(([at, spans]) => window.talkPeer.speak(at, spans), [zero, next.rep] as const),
    );
    await inPage(
      "the other side's script",
      far.evaluate(([at, spans]) => window.talkPeer.speak(at, spans), [zero, next.far] as const),
    );
    return zero;
  };
  const zero = await speak(script);
  return {
    rep,
    far,
    zero,
    speak,
    connected: () =>
      inPage(
        'the call to say if it is connected',
        rep.evaluate(() => window.talkPeer.connected()),
      ),
    lastHeardAt: () =>
      inPage(
        'when the other side was last heard',
        rep.evaluate(() => window.talkPeer.lastHeardAt()),
      ),
    hangUp: () =>
      inPage(
        'the hang-up',
        rep.evaluate(() => window.talkPeer.hangUp()),
      ),
  };
}

/** Resolves `seconds` into a script that started at `zero`. */
export function untilScriptTime(zero: number, seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, zero + seconds * 1000 - Date.now())));
}
