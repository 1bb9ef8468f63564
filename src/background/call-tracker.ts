import type { EndedCall, EndReason, LiveCall, TrackerState } from '../calls/call';
import type { CallOutcome, CallSignal } from '../messages/call-signal';
import type { CallTalk } from '../talk/conversation-figures';

/** How long an ended call's key is remembered, so late repeats of its end are dropped. */
export const ENDED_MEMORY_MS = 10 * 60 * 1000;
/** An end without a call id, repeated on the same tab within this window, is the same end. */
const ANONYMOUS_REPEAT_MS = 5000;
/**
 * An id-less end ("call completed / saved") from a source this soon after that source's call
 * ended in the same tab belongs to that call: widgets send it once the call log is written.
 */
export const COMPLETION_AFTER_END_MS = 60_000;
/**
 * A dialer's own start and the WebRTC hook's start in the same tab this close together are one
 * call (the hook sees the audio of the call the protocol announces).
 */
export const MERGE_WINDOW_MS = 2000;
/**
 * No rep is on more calls than this in one tab; starts beyond it are dropped, so a page posting
 * made-up calls cannot pile up live calls (which would hold every nudge back).
 */
export const MAX_LIVE_CALLS_PER_TAB = 10;
/** The generic WebRTC hook's source: its calls merge into a dialer's own. */
export const WEBRTC_SOURCE = 'webrtc';

export type TrackerEvent =
  /** `family`: the catalog family whose app the signalling frame is on, for a call of the hook's own. */
  | { kind: 'signal'; tabId: number; host: string; signal: CallSignal; family?: string }
  | { kind: 'tab-closed'; tabId: number; at: number }
  | { kind: 'tab-navigated'; tabId: number; host: string; at: number };

export interface TrackerStep {
  state: TrackerState;
  started: LiveCall[];
  ended: EndedCall[];
  /**
   * Figures a connection brought after the call it was merged into had ended (a dialer's own end
   * often comes first): they belong on that call, already ended.
   */
  lateTalk: { callKey: string; talk: CallTalk }[];
}

export const emptyTrackerState = (): TrackerState => ({ live: {}, ended: {} });

function trackKeyOf(tabId: number, signal: CallSignal): string {
  return signal.callId ? `${signal.source}:${signal.callId}` : `${signal.source}:tab${tabId}`;
}

function callKeyOf(tabId: number, signal: CallSignal, startedAt: number): string {
  return signal.callId ? `${signal.source}:${signal.callId}` : `${signal.source}:tab${tabId}:${startedAt}`;
}

/** A live call ended at `endedAt`: its length counts from the answer (or the audio), else the start. */
export function endLive(
  call: LiveCall,
  endedAt: number,
  outcome: CallOutcome,
  endReason: EndReason,
  reportedMs?: number,
): EndedCall {
  const from = call.answeredAt ?? call.audioAt ?? call.startedAt;
  return {
    callKey: call.callKey,
    tabId: call.tabId,
    host: call.host,
    source: call.family ?? call.source,
    direction: call.direction,
    startedAt: call.startedAt,
    endedAt,
    durationMs: reportedMs ?? Math.max(0, endedAt - from),
    outcome,
    endReason,
    ...(call.talk ? { talk: call.talk } : {}),
  };
}

/**
 * The per-tab call state machine: feeds on adapter signals and tab events, returns the calls
 * that started and ended. Pure: the caller persists `state`.
 */
export function track(previous: TrackerState, event: TrackerEvent): TrackerStep {
  const state: TrackerState = {
    live: { ...previous.live },
    ended: { ...previous.ended },
    merged: { ...previous.merged },
    recentEnds: { ...previous.recentEnds },
  };
  const merged = state.merged as NonNullable<TrackerState['merged']>;
  const recentEnds = state.recentEnds as NonNullable<TrackerState['recentEnds']>;
  const step: TrackerStep = { state, started: [], ended: [], lateTalk: [] };
  const now = event.kind === 'signal' ? event.signal.at : event.at;
  for (const [key, at] of Object.entries(state.ended)) {
    if (now - at > ENDED_MEMORY_MS) delete state.ended[key];
  }
  for (const [key, { at }] of Object.entries(merged)) {
    if (now - at > ENDED_MEMORY_MS) delete merged[key];
  }
  for (const [key, at] of Object.entries(recentEnds)) {
    if (now - at > COMPLETION_AFTER_END_MS) delete recentEnds[key];
  }

  if (event.kind !== 'signal') {
    for (const call of Object.values(state.live)) {
      if (call.tabId !== event.tabId) continue;
      if (event.kind === 'tab-navigated' && call.host === event.host) continue;
      delete state.live[call.trackKey];
      state.ended[call.trackKey] = event.at;
      step.ended.push(endLive(call, event.at, 'unknown', event.kind === 'tab-closed' ? 'tab-closed' : 'navigated'));
    }
    return step;
  }

  const { tabId, host, signal } = event;
  const trackKey = trackKeyOf(tabId, signal);
  if (signal.source === WEBRTC_SOURCE) return trackWebrtc(state, merged, step, event, trackKey);
  const live = state.live[trackKey];

  switch (signal.kind) {
    case 'started':
    case 'answered': {
      if (state.ended[trackKey] !== undefined && signal.callId) return step;
      if (live) {
        if (signal.kind === 'answered' && live.answeredAt === undefined) {
          state.live[trackKey] = { ...live, answeredAt: signal.at };
        }
        return step;
      }
      const audio = webrtcCallToMerge(state, tabId, signal.at);
      if (!audio && liveInTab(state, tabId) >= MAX_LIVE_CALLS_PER_TAB) return step;
      const call: LiveCall = {
        trackKey,
        callKey: callKeyOf(tabId, signal, signal.at),
        tabId,
        host,
        source: signal.source,
        callId: signal.callId,
        direction: signal.direction,
        startedAt: audio ? Math.min(audio.startedAt, signal.at) : signal.at,
        answeredAt: signal.kind === 'answered' ? signal.at : undefined,
        audioAt: audio?.startedAt,
        connections: audio?.connections,
      };
      if (audio) {
        delete state.live[audio.trackKey];
        merged[audio.trackKey] = { into: trackKey, at: signal.at, callKey: call.callKey };
      }
      state.live[trackKey] = call;
      delete state.ended[trackKey];
      step.started.push(call);
      return step;
    }
    case 'ended': {
      // A dialer guessing "no answer" is outranked by audio the hook heard connect: that call
      // was answered, and its audio's end (the hook's) ends it.
      if (live && signal.outcome === 'no-answer' && live.audioAt !== undefined) return step;
      if (live) {
        delete state.live[trackKey];
        state.ended[trackKey] = signal.at;
        recentEnds[`${signal.source}:tab${tabId}`] = signal.at;
        step.ended.push(endLive(live, signal.at, signal.outcome ?? 'unknown', 'hang-up', signal.durationMs));
        return step;
      }
      const lastEndHere = recentEnds[`${signal.source}:tab${tabId}`];
      if (!signal.callId && lastEndHere !== undefined && signal.at - lastEndHere <= COMPLETION_AFTER_END_MS) {
        return step;
      }
      const endedAt = state.ended[trackKey];
      if (endedAt !== undefined && (signal.callId || signal.at - endedAt < ANONYMOUS_REPEAT_MS)) return step;
      state.ended[trackKey] = signal.at;
      step.ended.push({
        callKey: callKeyOf(tabId, signal, signal.at),
        tabId,
        host,
        source: signal.source,
        direction: signal.direction,
        endedAt: signal.at,
        durationMs: signal.durationMs,
        outcome: signal.outcome ?? 'unknown',
        endReason: 'hang-up',
      });
      return step;
    }
  }
}

function liveInTab(state: TrackerState, tabId: number): number {
  return Object.values(state.live).filter((call) => call.tabId === tabId).length;
}

/** A live WebRTC call in this tab that started just before a dialer's own start. */
function webrtcCallToMerge(state: TrackerState, tabId: number, at: number): LiveCall | undefined {
  return Object.values(state.live).find(
    (call) => call.source === WEBRTC_SOURCE && call.tabId === tabId && at - call.startedAt <= MERGE_WINDOW_MS,
  );
}

/**
 * The hook's calls. A connection that comes up while a call is live in the same tab carries that
 * call's audio (a dialer's call, or a conference with one connection per peer): it marks the
 * answer, and the call ends when its last connection does. Otherwise it is a call of its own.
 * An end the hook reports for a connection it never announced is dropped: the hook never does that.
 */
function trackWebrtc(
  state: TrackerState,
  merged: NonNullable<TrackerState['merged']>,
  step: TrackerStep,
  { tabId, host, signal, family }: Extract<TrackerEvent, { kind: 'signal' }>,
  trackKey: string,
): TrackerStep {
  const target = merged[trackKey]?.into;
  if (signal.kind === 'ended') {
    const found = state.live[target ?? trackKey];
    const lateFor = merged[trackKey]?.callKey;
    if (target) delete merged[trackKey];
    if (!found) {
      if (lateFor && signal.talk) step.lateTalk.push({ callKey: lateFor, talk: signal.talk });
      return step;
    }
    // The first connection to bring figures gives the call its figures: one connection hears
    // both sides, and several would count the same talk twice.
    const talk = found.talk ?? signal.talk;
    const call = talk ? { ...found, talk } : found;
    const connections = (call.connections ?? 1) - 1;
    // A quiet spell on an open line ends a conversation of the hook's own, but a dialer, its
    // hang-up control or the rep's selectors say when their call ends: they win.
    const dialerSays = signal.openLine === true && call.source !== WEBRTC_SOURCE;
    if (connections > 0 || dialerSays) {
      state.live[call.trackKey] = { ...call, connections: Math.max(0, connections) };
      return step;
    }
    delete state.live[call.trackKey];
    state.ended[call.trackKey] = signal.at;
    // The hook only announces a connection once its audio is up: it was a conversation.
    step.ended.push(endLive(call, signal.at, 'completed', 'hang-up'));
    return step;
  }
  if (target || state.live[trackKey] || state.ended[trackKey] !== undefined) return step;
  const sameTab = Object.values(state.live)
    .filter((call) => call.tabId === tabId)
    .sort(
      (a, b) => Number(a.source === WEBRTC_SOURCE) - Number(b.source === WEBRTC_SOURCE) || b.startedAt - a.startedAt,
    );
  const carrier = sameTab[0];
  if (carrier) {
    state.live[carrier.trackKey] = {
      ...carrier,
      audioAt: carrier.audioAt ?? signal.at,
      connections: (carrier.connections ?? 0) + 1,
    };
    merged[trackKey] = { into: carrier.trackKey, at: signal.at, callKey: carrier.callKey };
    return step;
  }
  const call: LiveCall = {
    trackKey,
    callKey: callKeyOf(tabId, signal, signal.at),
    tabId,
    host,
    source: WEBRTC_SOURCE,
    callId: signal.callId,
    startedAt: signal.at,
    audioAt: signal.at,
    connections: 1,
    ...(family ? { family } : {}),
  };
  state.live[trackKey] = call;
  step.started.push(call);
  return step;
}

export function liveCallCount(state: TrackerState): number {
  return Object.keys(state.live).length;
}
