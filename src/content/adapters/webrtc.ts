/**
 * Generic WebRTC: hears the MAIN-world hook (src/page/webrtc-hook.ts) in this frame through
 * its CustomEvent channel. The detail is a claim from the page's world, so it is read as one
 * short line of an exact shape (`readNotice`), never trusted as an object. Try it on:
 * tests/fixtures/webrtc-call and tests/fixtures/talk-call.
 *
 * With conversation signals on, it tells the hook to sample and, when a connection goes live,
 * asks the background for the talk script (src/content/talk/, injected then and not carried by
 * every dialer frame) and whether the site keeps its line open. The talk script turns the
 * connection's samples into the call's figures (sent with its end), or, on a line that stays
 * open, into one call per conversation.
 */
import type { CallSignal } from '../../messages/call-signal';
import { readNotice, WEBRTC_EVENT, WEBRTC_SAMPLING_EVENT } from '../../page/webrtc-channel';
import type { Settings } from '../../settings/settings';
import { followSettings } from '../../settings/settings-store';
import type { TalkRecorder } from '../../talk/conversation-figures';
import type { TalkSample } from '../../talk/talk-sample';
import type { ConversationSplit } from '../talk/conversation-split';
import type { TalkScript } from '../talk-script';
import { type StartTalk, startTalkFromBackground } from '../talk-start';
import type { DialerAdapter } from './adapter';

export const WEBRTC_SOURCE = 'webrtc';
/** Connections followed per frame; a page announcing more gets no figures for the rest. */
const MAX_CONNECTIONS = 10;
/**
 * The hook samples once a second: samples closer than this for one connection are forged, and
 * dropped, but for the one fresh sample asked for before a conversation on an open line ends.
 */
const MIN_SAMPLE_GAP_MS = 500;
/** Samples kept for a connection while the talk script loads (it takes milliseconds; this is a bound). */
const MAX_WAITING_SAMPLES = 30;

/** What is kept about one live connection: its figures so far, or its conversations. */
interface Followed {
  lastSampleAt: number;
  /** A fresh sample was asked for (a conversation's quiet spell is over): it may come inside the gap. */
  confirming?: boolean;
  /** Until the background answers: the samples heard meanwhile, and the end if it came first. */
  waiting?: { samples: Array<[TalkSample, number]>; endedAt?: number };
  recorder?: TalkRecorder;
  split?: ConversationSplit;
}

/** The WebRTC adapter, with the way it reaches the talk script passed in (tests load it directly). */
export function webrtcAdapterWith(startTalk: StartTalk): DialerAdapter {
  return {
    id: WEBRTC_SOURCE,
    matches: () => true,
    start(frame, emit, stop, now) {
      const doc = frame.document;
      let settings: Settings | undefined;
      const followed = new Map<string, Followed>();
      const askToSample = () => {
        if (settings?.conversationSignals) doc.dispatchEvent(new CustomEvent(WEBRTC_SAMPLING_EVENT, { detail: 'on' }));
      };
      // The settings in force, the organization's policy over the rep's own: a policy that turns
      // signals off keeps them off whatever the rep's copy says. Turned off during a call: the
      // hook stops at once, and what was heard so far is forgotten.
      const unfollow = followSettings((next) => {
        const wasOn = settings?.conversationSignals === true;
        settings = next;
        if (next.conversationSignals) {
          askToSample();
          return;
        }
        if (!wasOn) return;
        doc.dispatchEvent(new CustomEvent(WEBRTC_SAMPLING_EVENT, { detail: 'off' }));
        for (const connection of followed.values()) connection.recorder = undefined;
      });
      stop.addEventListener('abort', () => {
        unfollow();
        for (const connection of followed.values()) connection.split?.dispose();
      });

      const started = (id: string, at: number): void => {
        if (!settings?.conversationSignals || followed.has(id) || followed.size >= MAX_CONNECTIONS) {
          emit({ kind: 'started', source: WEBRTC_SOURCE, callId: id, at });
          return;
        }
        const connection: Followed = { lastSampleAt: Number.NEGATIVE_INFINITY, waiting: { samples: [] } };
        followed.set(id, connection);
        askToSample();
        startTalk().then(
          (talk) => begin(id, connection, at, talk?.talk, talk?.quietMs),
          () => begin(id, connection, at, undefined, undefined),
        );
      };

      /** The background answered: the connection is a call with figures, or a line split into conversations. */
      const begin = (
        id: string,
        connection: Followed,
        at: number,
        talk: TalkScript | undefined,
        quietMs: number | undefined,
      ): void => {
        const waiting = connection.waiting;
        connection.waiting = undefined;
        if (stop.aborted || !waiting) return;
        if (talk && quietMs !== undefined && settings?.conversationSignals) {
          connection.split = talk.split(id, quietMs, emit, now, () => {
            connection.confirming = true;
            doc.dispatchEvent(new CustomEvent(WEBRTC_SAMPLING_EVENT, { detail: 'now' }));
          });
          // The end of a conversation is placed to a quarter second: the hook samples finer.
          doc.dispatchEvent(new CustomEvent(WEBRTC_SAMPLING_EVENT, { detail: 'fine' }));
        } else {
          if (talk && settings?.conversationSignals) connection.recorder = talk.recorder();
          emit({ kind: 'started', source: WEBRTC_SOURCE, callId: id, at });
        }
        for (const [sample, sampledAt] of waiting.samples) {
          connection.recorder?.add(sample);
          connection.split?.add(sample, sampledAt);
        }
        if (waiting.endedAt !== undefined) ended(id, waiting.endedAt);
      };

      const ended = (id: string, at: number): void => {
        const connection = followed.get(id);
        if (connection?.waiting) {
          connection.waiting.endedAt ??= at;
          return;
        }
        followed.delete(id);
        if (connection?.split) {
          connection.split.close();
          return;
        }
        const talk = connection?.recorder?.result();
        const signal: CallSignal = { kind: 'ended', source: WEBRTC_SOURCE, callId: id, at };
        emit(talk ? { ...signal, talk } : signal);
      };

      const heard = (id: string, sample: TalkSample, at: number): void => {
        const connection = followed.get(id);
        if (!connection || (at - connection.lastSampleAt < MIN_SAMPLE_GAP_MS && !connection.confirming)) return;
        connection.lastSampleAt = at;
        connection.confirming = false;
        if (connection.waiting) {
          if (connection.waiting.samples.length < MAX_WAITING_SAMPLES) connection.waiting.samples.push([sample, at]);
          return;
        }
        connection.recorder?.add(sample);
        connection.split?.add(sample, at);
      };

      doc.addEventListener(
        WEBRTC_EVENT,
        (event: Event) => {
          const parsed = readNotice((event as CustomEvent).detail);
          if (!parsed) return;
          const at = now();
          if (parsed.kind === 'talk') {
            const { q, sd, sl } = parsed;
            const sample: TalkSample = {
              rep: parsed.r === 1,
              other: parsed.o === 1,
              repLevel: parsed.rl,
              otherLevel: parsed.ol,
            };
            if (q !== undefined && sd !== undefined && sl !== undefined)
              sample.lastSpeech = { agoMs: q, spanMs: sd, level: sl };
            heard(parsed.id, sample, at);
          } else if (parsed.kind === 'started') started(parsed.id, at);
          else ended(parsed.id, at);
        },
        { signal: stop },
      );
    },
  };
}

export const webrtcAdapter: DialerAdapter = webrtcAdapterWith(startTalkFromBackground);
