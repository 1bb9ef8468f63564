/**
 * MAIN world, document_start, every frame (about:blank ones too): notices when this frame's
 * RTCPeerConnections carry a call. A connection with audio reaching `connected` starts one;
 * `close()`, the `failed`/`closed` states, or every remote audio track ending ends it.
 *
 * The page must not be able to tell: the constructor is a Proxy whose construct trap builds the
 * real object (so `instanceof`, subclassing, statics such as `generateCertificate`, and calling
 * without `new` behave as before), events are watched with listeners of our own, and the only
 * prototype change is `close`, wrapped to call the original with the same arguments.
 * Tiny and dependency-free: it runs before every page script.
 *
 * Once the content script says conversation signals are on, each live connection whose audio goes
 * both ways has its statistics read about once a second, with the getStats taken at hook time (a
 * page replacing it can neither break nor fool this): the rep's microphone (media-source) and the
 * other side as played (inbound-rtp), reduced to a level over the interval from the energy
 * counters. Levels only: no audio sample is ever read.
 */
import { isSpeech, SPEAKING_LEVEL, WEBRTC_EVENT, WEBRTC_SAMPLING_EVENT, writeNotice } from './webrtc-channel';

type PeerConnectionClass = typeof RTCPeerConnection;

/** A talk notice about once a second; a sample every quarter second while fine timing is asked for. */
const REPORT_MS = 1000;
const FINE_MS = 250;
/** A report is due when a sample lands this close to the second (timers run a little early or late). */
const SAMPLE_SLACK_MS = 60;
/** Fine steps go on this long after the last speech: the end of a turn is inside it. */
const FINE_FOR_MS = 2000;
/** A sample asked for out of turn ('now') comes at most this often per connection, forged or not. */
const NOW_MIN_MS = 100;

interface Watched {
  id: string;
  live: boolean;
  timer?: number;
  /**
   * [other energy, other seconds, rep energy, rep seconds] summed over the connection's streams:
   * at the last report (0–3) and at the last sample (4–7). One array per connection, reused.
   */
  totals?: Float64Array;
  /** performance.now() at the last report and the last sample. */
  reportAt: number;
  sampleAt: number;
  /** The last sample with speech since the report: when it ended, its level, its length (ms). */
  speechAt: number;
  speechLevel: number;
  speechMs: number;
  /** Each side's level in the last sample (other, rep): the meter's fade after speech is told from speech by it. */
  sampleO: number;
  sampleR: number;
  /** The sample under way was a fine step. */
  fine?: boolean;
  /** Whether the audio goes both ways, known since the last negotiation (see `twoWayAudio`). */
  twoWay?: boolean;
  /**
   * The ids of the report's audio inbound-rtp and media-source entries, and the report's size,
   * when they were last found: the next reports are read by these ids alone, as each entry read
   * is built into a page object (a whole report is a dozen or more, one sample a second).
   */
  audioIds?: string[];
  reportSize?: number;
}

function hook(win: Window & typeof globalThis): void {
  const Original = win.RTCPeerConnection as PeerConnectionClass | undefined;
  if (typeof Original !== 'function') return;

  const doc = win.document;
  const dispatch = doc.dispatchEvent.bind(doc);
  const prefix = Math.random().toString(36).slice(2, 10);
  let counter = 0;
  const calls = new WeakMap<RTCPeerConnection, Watched>();
  const live = new Set<RTCPeerConnection>();
  /** 'fine': a line that stays open, whose conversations' ends are placed to a quarter second. */
  let sampling: 'off' | 'on' | 'fine' = 'off';

  const notify = (line: string): void => {
    dispatch(new CustomEvent(WEBRTC_EVENT, { detail: line }));
  };

  // Taken now: a page that later swaps prototype methods cannot blind the hook.
  const getReceivers = Original.prototype.getReceivers;
  const getTransceivers = Original.prototype.getTransceivers;
  const currentDirection = Object.getOwnPropertyDescriptor(
    win.RTCRtpTransceiver?.prototype ?? {},
    'currentDirection',
  )?.get;
  const getStats = Original.prototype.getStats;
  const forEachStat = win.RTCStatsReport?.prototype.forEach;
  const getStat = win.RTCStatsReport?.prototype.get;
  const statCount = Object.getOwnPropertyDescriptor(win.RTCStatsReport?.prototype ?? {}, 'size')?.get;
  const then = Promise.prototype.then;
  const after = win.setTimeout.bind(win);
  const cancel = win.clearTimeout.bind(win);
  const clock = win.performance.now.bind(win.performance);
  const remoteAudio = (pc: RTCPeerConnection): MediaStreamTrack[] =>
    getReceivers
      .call(pc)
      .map((receiver) => receiver.track)
      .filter((track) => track.kind === 'audio');

  /**
   * Whether the connection's audio goes both ways now. Figures need both sides in one connection
   * (see `read`), so a one-way connection (a sender whose far end only listens, the listening end,
   * a call on hold) is not asked for statistics: its reports would all be dropped. Unknown counts
   * as two-way.
   */
  const twoWayAudio = (pc: RTCPeerConnection): boolean => {
    if (!getTransceivers || !currentDirection) return true;
    let sends = false;
    let hears = false;
    for (const transceiver of getTransceivers.call(pc)) {
      if (transceiver.receiver.track.kind !== 'audio') continue;
      const direction = currentDirection.call(transceiver);
      sends ||= direction === 'sendrecv' || direction === 'sendonly';
      hears ||= direction === 'sendrecv' || direction === 'recvonly';
    }
    return sends && hears;
  };

  /** Root mean square level, in thousandths, from energy and duration gained over an interval. */
  const level = (energy: number, seconds: number): number =>
    seconds > 0 ? Math.min(1000, Math.round(Math.sqrt(Math.max(0, energy) / seconds) * 1000)) : -1;
  /** The level of one side (0 other, 2 rep) since the totals at `from` (0 the report, 4 the sample). */
  const levelSince = (t: Float64Array, side: number, from: number): number =>
    level(
      (t[8 + side] as number) - (t[from + side] as number),
      (t[9 + side] as number) - (t[from + side + 1] as number),
    );

  /** Adds an audio entry to `t[8..11]`; false for any other entry. */
  const add = (t: Float64Array, entry: Record<string, unknown> | undefined): boolean => {
    if (entry?.kind !== 'audio') return false;
    const at = entry.type === 'inbound-rtp' ? 8 : entry.type === 'media-source' ? 10 : -1;
    if (at < 0) return false;
    t[at] = (t[at] as number) + (Number(entry.totalAudioEnergy) || 0);
    t[at + 1] = (t[at + 1] as number) + (Number(entry.totalSamplesDuration) || 0);
    return true;
  };

  /** Adds the entries with the ids found last time; false when one is gone or the report changed. */
  const sumKnown = (stats: RTCStatsReport, t: Float64Array, call: Watched): boolean => {
    const ids = call.audioIds;
    if (!ids || !getStat || !statCount || statCount.call(stats) !== call.reportSize) return false;
    for (const id of ids) if (!add(t, getStat.call(stats, id))) return false;
    return true;
  };

  /** Sums the report's audio entries into `t[8..11]`. */
  const sum = (stats: RTCStatsReport, t: Float64Array, call: Watched): void => {
    t.fill(0, 8);
    if (!sumKnown(stats, t, call)) {
      // A stream came or went (or this is the first report): walk it whole and note the ids again.
      t.fill(0, 8);
      const ids: string[] = [];
      forEachStat?.call(stats, (entry: Record<string, unknown>) => {
        if (add(t, entry)) ids.push(entry.id as string);
      });
      call.audioIds = ids;
      call.reportSize = statCount?.call(stats);
    }
  };

  /**
   * One sample: the counters now against the last sample (who spoke in it) and, about once a
   * second, against the last report (the second's levels, sent with where its last speech was).
   * `now` is when the statistics were asked for: the moment they describe.
   */
  const read = (call: Watched, stats: RTCStatsReport, now: number): void => {
    // 0–3 at the report, 4–7 at the sample, 8–11 now.
    call.totals ??= new Float64Array(12);
    const t = call.totals;
    const first = call.reportAt === 0;
    sum(stats, t, call);
    if (first) {
      t.copyWithin(0, 8, 12);
      t.copyWithin(4, 8, 12);
      call.reportAt = call.sampleAt = now;
      return;
    }
    const sol = levelSince(t, 0, 4);
    const srl = levelSince(t, 2, 4);
    const spoke = Math.max(isSpeech(sol, call.sampleO) ? sol : -1, isSpeech(srl, call.sampleR) ? srl : -1);
    call.sampleO = sol;
    call.sampleR = srl;
    if (spoke >= 0) {
      call.speechAt = now;
      call.speechLevel = spoke;
      call.speechMs = Math.round(now - call.sampleAt);
    }
    call.sampleAt = now;
    t.copyWithin(4, 8, 12);
    // Between fine steps a report waits for its second; a once-a-second sample is always one.
    if (call.fine && now - call.reportAt < REPORT_MS - SAMPLE_SLACK_MS) return;
    const ol = levelSince(t, 0, 0);
    const rl = levelSince(t, 2, 0);
    const heardSpeech = call.speechAt >= call.reportAt;
    call.reportAt = now;
    t.copyWithin(0, 8, 12);
    // Both sides or nothing: figures with one side unseen would read as that side silent.
    if (!call.live || ol < 0 || rl < 0) return;
    // Sampled finely, a second none of whose samples held speech holds only the meter's fade.
    const faded = sampling === 'fine' && !heardSpeech;
    const r = rl >= SPEAKING_LEVEL && !faded ? 1 : 0;
    const o = ol >= SPEAKING_LEVEL && !faded ? 1 : 0;
    const speech: [] | [number, number, number] =
      heardSpeech && (r || o)
        ? [
            Math.min(REPORT_MS * 2, Math.round(clock() - call.speechAt)),
            call.speechLevel,
            Math.min(REPORT_MS * 2, call.speechMs),
          ]
        : [];
    notify(writeNotice('t', call.id, r, o, rl, ol, ...speech));
  };

  const sample = (pc: RTCPeerConnection, call: Watched): void => {
    call.timer = undefined;
    if (!call.live || sampling === 'off' || !forEachStat) return;
    // Directions change only by a negotiation, which starts sampling again (see `watch`).
    call.twoWay ??= twoWayAudio(pc);
    if (!call.twoWay) {
      // The first sample after it goes both ways again (a call taken off hold) is a new start.
      call.reportAt = 0;
      return;
    }
    let report: Promise<RTCStatsReport>;
    // The statistics are of this moment; they arrive tens of milliseconds later.
    const takenAt = clock();
    try {
      report = getStats.call(pc);
    } catch {
      return;
    }
    then.call(
      report,
      (stats) => {
        if (!call.live || sampling === 'off' || call.timer !== undefined) return;
        read(call, stats, takenAt);
        // On a line that stays open, a quarter-second step while anyone spoke lately: the end of
        // a conversation is then known to a quarter second, not to the second.
        const fine = sampling === 'fine' && clock() - call.speechAt < FINE_FOR_MS;
        // Steps counted from when the statistics were asked for: a second a sample, not a second
        // plus however long getStats took (the figures count samples as seconds).
        const step = fine ? FINE_MS : REPORT_MS;
        call.fine = fine;
        call.timer = after(() => sample(pc, call), Math.max(0, step - (clock() - takenAt)));
      },
      () => undefined,
    );
  };

  const startSampling = (pc: RTCPeerConnection): void => {
    const call = calls.get(pc);
    if (sampling === 'off' || !call?.live || call.timer !== undefined) return;
    call.timer = after(() => sample(pc, call), 0);
  };

  /** A sample out of turn, instead of the one scheduled; none while one is under way. */
  const sampleNow = (pc: RTCPeerConnection, call: Watched): void => {
    if (call.timer === undefined || clock() - call.sampleAt < NOW_MIN_MS) return;
    cancel(call.timer);
    sample(pc, call);
  };

  doc.addEventListener(WEBRTC_SAMPLING_EVENT, (event) => {
    const detail = (event as CustomEvent).detail;
    if (detail === 'now') {
      for (const pc of live) sampleNow(pc, calls.get(pc) as Watched);
      return;
    }
    sampling = detail === 'off' ? 'off' : detail === 'fine' ? 'fine' : sampling === 'fine' ? 'fine' : 'on';
    for (const pc of live) {
      const call = calls.get(pc) as Watched;
      if (sampling !== 'off') startSampling(pc);
      else stopSampling(call);
    }
  });

  const stopSampling = (call: Watched): void => {
    if (call.timer !== undefined) cancel(call.timer);
    call.timer = call.totals = undefined;
    call.reportAt = call.sampleO = call.sampleR = 0;
  };

  const end = (pc: RTCPeerConnection): void => {
    const call = calls.get(pc);
    if (!call?.live) return;
    call.live = false;
    live.delete(pc);
    stopSampling(call);
    notify(writeNotice('e', call.id));
  };

  const check = (pc: RTCPeerConnection): void => {
    const call = calls.get(pc);
    if (!call) return;
    const state = pc.connectionState;
    if (state === 'failed' || state === 'closed') {
      end(pc);
      return;
    }
    if (call.live || state !== 'connected') return;
    const audio = remoteAudio(pc).filter((track) => track.readyState === 'live');
    if (audio.length === 0) return;
    call.live = true;
    live.add(pc);
    notify(writeNotice('s', call.id));
    startSampling(pc);
    for (const track of audio) {
      track.addEventListener('ended', () => {
        if (remoteAudio(pc).every((t) => t.readyState === 'ended')) end(pc);
      });
    }
  };

  const watch = (pc: RTCPeerConnection): void => {
    counter += 1;
    calls.set(pc, {
      id: `${prefix}-${counter}`,
      live: false,
      reportAt: 0,
      sampleAt: 0,
      speechAt: -1e9,
      speechLevel: 0,
      speechMs: 0,
      sampleO: 0,
      sampleR: 0,
    });
    pc.addEventListener('connectionstatechange', () => check(pc));
    // A negotiation can change which way the audio goes and which streams there are. Only a
    // connection left unsampled as one-way is started again: the page can forge this event, and
    // a restart of one being sampled would ask for statistics as often as it is forged.
    pc.addEventListener('signalingstatechange', () => {
      const call = calls.get(pc);
      if (!call) return;
      const idle = call.twoWay === false;
      call.twoWay = call.audioIds = undefined;
      if (idle) startSampling(pc);
    });
    // A track can arrive after the connection is up (renegotiation).
    pc.addEventListener('track', () => check(pc));
  };

  const originalClose = Original.prototype.close;
  const close = {
    close(this: RTCPeerConnection) {
      // close() fires no state event, so it is the one method we must see.
      if (calls.has(this)) end(this);
      return originalClose.call(this);
    },
  }.close;
  Object.defineProperty(Original.prototype, 'close', {
    value: close,
    writable: true,
    configurable: true,
    enumerable: true,
  });

  const Hooked = new Proxy(Original, {
    construct(target, args, newTarget) {
      const pc = Reflect.construct(target, args, newTarget) as RTCPeerConnection;
      watch(pc);
      return pc;
    },
  });
  Object.defineProperty(Original.prototype, 'constructor', {
    value: Hooked,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection'] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(win, name);
    if (descriptor?.value === Original) Object.defineProperty(win, name, { ...descriptor, value: Hooked });
  }
}

hook(window);
