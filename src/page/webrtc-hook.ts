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
 */
import { WEBRTC_EVENT, type WebrtcCallNotice } from './webrtc-channel';

type PeerConnectionClass = typeof RTCPeerConnection;

function hook(win: Window & typeof globalThis): void {
  const Original = win.RTCPeerConnection as PeerConnectionClass | undefined;
  if (typeof Original !== 'function') return;

  const doc = win.document;
  const dispatch = doc.dispatchEvent.bind(doc);
  const stringify = JSON.stringify;
  const prefix = Math.random().toString(36).slice(2, 10);
  let counter = 0;
  const calls = new WeakMap<RTCPeerConnection, { id: string; live: boolean }>();

  const notify = (notice: WebrtcCallNotice): void => {
    dispatch(new CustomEvent(WEBRTC_EVENT, { detail: stringify(notice) }));
  };

  // Taken now: a page that later swaps prototype methods cannot blind the hook.
  const getReceivers = Original.prototype.getReceivers;
  const remoteAudio = (pc: RTCPeerConnection): MediaStreamTrack[] =>
    getReceivers
      .call(pc)
      .map((receiver) => receiver.track)
      .filter((track) => track.kind === 'audio');

  const end = (pc: RTCPeerConnection): void => {
    const call = calls.get(pc);
    if (!call?.live) return;
    call.live = false;
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
    notify({ kind: 'started', id: call.id });
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
