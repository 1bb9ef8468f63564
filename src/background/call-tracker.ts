import type { CallDirection, CallOutcome, CallSignal } from '../messages/call-signal';

/** How long an ended call's key is remembered, so late repeats of its end are dropped. */
export const ENDED_MEMORY_MS = 10 * 60 * 1000;
/** An end without a call id, repeated on the same tab within this window, is the same end. */
const ANONYMOUS_REPEAT_MS = 5000;

export type EndReason = 'hang-up' | 'tab-closed' | 'navigated';

export interface LiveCall {
  trackKey: string;
  callKey: string;
  tabId: number;
  host: string;
  source: string;
  callId?: string;
  direction?: CallDirection;
  startedAt: number;
  answeredAt?: number;
}

export interface EndedCall {
  callKey: string;
  tabId: number;
  host: string;
  source: string;
  direction?: CallDirection;
  /** Absent when the end was seen without its start. */
  startedAt?: number;
  endedAt: number;
  /** Talk time when the call was answered, otherwise ring time; absent when the start is unknown. */
  durationMs?: number;
  outcome: CallOutcome;
  endReason: EndReason;
}

export interface TrackerState {
  live: Record<string, LiveCall>;
  /** trackKey → when it ended. */
  ended: Record<string, number>;
}

export type TrackerEvent =
  | { kind: 'signal'; tabId: number; host: string; signal: CallSignal }
  | { kind: 'tab-closed'; tabId: number; at: number }
  | { kind: 'tab-navigated'; tabId: number; host: string; at: number };

export interface TrackerStep {
  state: TrackerState;
  started: LiveCall[];
  ended: EndedCall[];
}

export const emptyTrackerState = (): TrackerState => ({ live: {}, ended: {} });

function trackKeyOf(tabId: number, signal: CallSignal): string {
  return signal.callId ? `${signal.source}:${signal.callId}` : `${signal.source}:tab${tabId}`;
}

function callKeyOf(tabId: number, signal: CallSignal, startedAt: number): string {
  return signal.callId ? `${signal.source}:${signal.callId}` : `${signal.source}:tab${tabId}:${startedAt}`;
}

function endLive(
  call: LiveCall,
  endedAt: number,
  outcome: CallOutcome,
  endReason: EndReason,
  reportedMs?: number,
): EndedCall {
  const from = call.answeredAt ?? call.startedAt;
  return {
    callKey: call.callKey,
    tabId: call.tabId,
    host: call.host,
    source: call.source,
    direction: call.direction,
    startedAt: call.startedAt,
    endedAt,
    durationMs: reportedMs ?? Math.max(0, endedAt - from),
    outcome,
    endReason,
  };
}

/**
 * The per-tab call state machine: feeds on adapter signals and tab events, returns the calls
 * that started and ended. Pure: the caller persists `state`.
 */
export function track(previous: TrackerState, event: TrackerEvent): TrackerStep {
  const state: TrackerState = { live: { ...previous.live }, ended: { ...previous.ended } };
  const step: TrackerStep = { state, started: [], ended: [] };
  const now = event.kind === 'signal' ? event.signal.at : event.at;
  for (const [key, at] of Object.entries(state.ended)) {
    if (now - at > ENDED_MEMORY_MS) delete state.ended[key];
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
      const call: LiveCall = {
        trackKey,
        callKey: callKeyOf(tabId, signal, signal.at),
        tabId,
        host,
        source: signal.source,
        callId: signal.callId,
        direction: signal.direction,
        startedAt: signal.at,
        answeredAt: signal.kind === 'answered' ? signal.at : undefined,
      };
      state.live[trackKey] = call;
      delete state.ended[trackKey];
      step.started.push(call);
      return step;
    }
    case 'ended': {
      if (live) {
        delete state.live[trackKey];
        state.ended[trackKey] = signal.at;
        step.ended.push(endLive(live, signal.at, signal.outcome ?? 'unknown', 'hang-up', signal.durationMs));
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

export function liveCallCount(state: TrackerState): number {
  return Object.keys(state.live).length;
}
