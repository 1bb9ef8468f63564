import type { SessionSlot } from '../platform/session-store';
import { sessionSlot } from '../platform/session-store';
import {
  type EndedCall,
  emptyTrackerState,
  type LiveCall,
  type TrackerEvent,
  type TrackerState,
  track,
} from './call-tracker';

export interface LiveCallsState {
  tracker: TrackerState;
  /** Ended calls not yet in the database: kept until their write succeeds. */
  unwritten: EndedCall[];
}

/**
 * The tracker's state, kept in storage.session so a service-worker restart mid-call loses
 * nothing. Updates run one at a time: two signals arriving together must not both read the
 * same old state.
 */
export class LiveCalls {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly slot: SessionSlot<LiveCallsState>) {}

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<LiveCallsState> {
    return (await this.slot.read()) ?? { tracker: emptyTrackerState(), unwritten: [] };
  }

  /** Applies an event; the calls it ended are returned and also queued as unwritten. */
  apply(event: TrackerEvent): Promise<{ ended: EndedCall[]; liveCount: number }> {
    return this.serial(async () => {
      const current = await this.load();
      const step = track(current.tracker, event);
      await this.slot.write({ tracker: step.state, unwritten: [...current.unwritten, ...step.ended] });
      return { ended: step.ended, liveCount: Object.keys(step.state.live).length };
    });
  }

  unwritten(): Promise<EndedCall[]> {
    return this.serial(async () => (await this.load()).unwritten);
  }

  markWritten(callKey: string): Promise<void> {
    return this.serial(async () => {
      const current = await this.load();
      await this.slot.write({ ...current, unwritten: current.unwritten.filter((call) => call.callKey !== callKey) });
    });
  }

  liveCount(): Promise<number> {
    return this.serial(async () => Object.keys((await this.load()).tracker.live).length);
  }
}

export const LIVE_CALLS_KEY = 'liveCalls';
export const liveCallsSlot = () => sessionSlot<LiveCallsState>(LIVE_CALLS_KEY);

/** The dialers on a call right now, newest first, once each: the popup's "On a call in …". */
export async function liveCallSources(slot: SessionSlot<LiveCallsState>): Promise<string[]> {
  return [...new Set(liveCallsIn(await slot.read()).map((call) => call.source))];
}

/** The calls live right now, newest first, for pages that show them (options' "call seen?"). */
export function liveCallsIn(state: LiveCallsState | undefined): LiveCall[] {
  return Object.values(state?.tracker.live ?? {}).sort((a, b) => b.startedAt - a.startedAt);
}
