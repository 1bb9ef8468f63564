import type { CallDirection, CallOutcome } from '../messages/call-signal';
import type { CallTalk } from '../talk/conversation-figures';

/*
 * A call as the background tracks it, the database stores it and the pages show it. These types
 * belong to no context: the db and the pages read them without importing the background.
 */

/** `browser-closed`: the browser quit, crashed or reloaded Rebound while the call was live. */
export type EndReason = 'hang-up' | 'tab-closed' | 'navigated' | 'browser-closed';

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
  /** When the WebRTC hook saw this call's audio connect (a merged call). */
  audioAt?: number;
  /** How many of the hook's connections carry this call's audio; the last one's end ends it. */
  connections?: number;
  /** What the hook heard on the call's first connection to end with figures (conversation signals on). */
  talk?: CallTalk;
  /**
   * A call of the hook's own heard in a frame of a known family's app (a meeting, a contact
   * centre's softphone): recorded as that family's call, not as a browser call.
   */
  family?: string;
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
  /** The end is the last time the call was seen alive, so the length is an estimate. */
  approximate?: boolean;
  /** Conversation figures; absent when no audio was visible to Rebound or signals are off. */
  talk?: CallTalk;
}

export interface TrackerState {
  live: Record<string, LiveCall>;
  /** trackKey → when it ended. */
  ended: Record<string, number>;
  /** A WebRTC call's trackKey → the dialer call it was merged into, and when. Absent in old state. */
  merged?: Record<string, { into: string; at: number; callKey?: string }>;
  /**
   * `source:tab<id>` → when that source's last call heard from its start ended in this tab, so
   * an id-less "completed" message right after it is known as that call's. Absent in old state.
   */
  recentEnds?: Record<string, number>;
}
