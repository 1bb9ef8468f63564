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
 * Once the content script says conversation signals are on, each live connection's statistics
 * are read about once a second with the getStats taken at hook time (a page replacing it can
 * neither break nor fool this): the rep's microphone (media-source) and the other side as played
 * (inbound-rtp), reduced to a level over the interval from the energy counters. Levels only:
 * no audio sample is ever read.
 */
import { SPEAKING_LEVEL, WEBRTC_EVENT, WEBRTC_SAMPLING_EVENT, type WebrtcCallNotice } from './webrtc-channel';

type PeerConnectionClass = typeof RTCPeerConnection;

interface Watched {
  id: string;
  live: boolean;
  timer?: number;
  /** The energy counters at the last sample. */
  totals?: number[];
}

function hook(win: Window & typeof globalThis): void {
  const Original = win.RTCPeerConnection as PeerConnectionClass | undefined;
  if (typeof Original !== 'function') return;

  const doc = win.document;
  const dispatch = doc.dispatchEvent.bind(doc);
  const stringify = JSON.stringify;
  const prefix = Math.random().toString(36).slice(2, 10);
  let counter = 0;
  const calls = new WeakMap<RTCPeerConnection, Watched>();
  const live = new Set<RTCPeerConnection>();
  let sampling = false;

  const notify = (notice: WebrtcCallNotice): void => {
    dispatch(new CustomEvent(WEBRTC_EVENT, { detail: stringify(notice) }));
  };

  // Taken now: a page that later swaps prototype methods cannot blind the hook.
  const getReceivers = Original.prototype.getReceivers;
  const getStats = Original.prototype.getStats;
  const forEachStat = win.RTCStatsReport?.prototype.forEach;
  const then = Promise.prototype.then;
  const every = win.setInterval.bind(win);
  const stopEvery = win.clearInterval.bind(win);
  const remoteAudio = (pc: RTCPeerConnection): MediaStreamTrack[] =>
    getReceivers
      .call(pc)
      .map((receiver) => receiver.track)
      .filter((track) => track.kind === 'audio');

  /** Root mean square level, in thousandths, from energy and duration gained over the interval. */
  const level = (energy: number, seconds: number): number =>
    seconds > 0 ? Math.min(1000, Math.round(Math.sqrt(Math.max(0, energy) / seconds) * 1000)) : -1;

  const sample = (pc: RTCPeerConnection, call: Watched): void => {
    if (!forEachStat) return;
    let report: Promise<RTCStatsReport>;
    try {
      report = getStats.call(pc);
    } catch {
      return;
    }
    then.call(
      report,
      (stats) => {
        // [other energy, other seconds, rep energy, rep seconds], summed over the connection's streams.
        const totals = [0, 0, 0, 0];
        forEachStat.call(stats, (stat: Record<string, unknown>) => {
          const at = stat.type === 'inbound-rtp' ? 0 : stat.type === 'media-source' ? 2 : -1;
          if (at < 0 || stat.kind !== 'audio') return;
          totals[at] = (totals[at] as number) + (Number(stat.totalAudioEnergy) || 0);
          totals[at + 1] = (totals[at + 1] as number) + (Number(stat.totalSamplesDuration) || 0);
        });
        const before = call.totals;
        call.totals = totals;
        if (!call.live || !before) return;
        const d = totals.map((value, i) => value - (before[i] as number));
        const ol = level(d[0] as number, d[1] as number);
        const rl = level(d[2] as number, d[3] as number);
        // Both sides or nothing: figures with one side unseen would read as that side silent.
        if (ol < 0 || rl < 0) return;
        notify({ kind: 'talk', id: call.id, r: rl >= SPEAKING_LEVEL ? 1 : 0, o: ol >= SPEAKING_LEVEL ? 1 : 0, rl, ol });
      },
      () => undefined,
    );
  };

  const startSampling = (pc: RTCPeerConnection): void => {
    const call = calls.get(pc);
    if (!sampling || !call?.live || call.timer !== undefined) return;
    call.timer = every(() => sample(pc, call), 1000);
    sample(pc, call);
  };

  doc.addEventListener(WEBRTC_SAMPLING_EVENT, (event) => {
    sampling = (event as CustomEvent).detail !== 'off';
    for (const pc of live) {
      const call = calls.get(pc) as Watched;
      if (sampling) startSampling(pc);
      else if (call.timer !== undefined) {
        stopEvery(call.timer);
        call.timer = call.totals = undefined;
      }
    }
  });

  const end = (pc: RTCPeerConnection): void => {
    const call = calls.get(pc);
    if (!call?.live) return;
    call.live = false;
    live.delete(pc);
    if (call.timer !== undefined) stopEvery(call.timer);
    notify({ kind: 'ended', id: call.id });
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
    notify({ kind: 'started', id: call.id });
    startSampling(pc);
    for (const track of audio) {
      track.addEventListener('ended', () => {
        if (remoteAudio(pc).every((t) => t.readyState === 'ended')) end(pc);
      });
    }
  };

  const watch = (pc: RTCPeerConnection): void => {
    counter += 1;
    calls.set(pc, { id: `${prefix}-${counter}`, live: false });
    pc.addEventListener('connectionstatechange', () => check(pc));
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
