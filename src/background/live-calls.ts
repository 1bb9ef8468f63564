import type { EndedCall, LiveCall } from '../calls/call';
import type { LiveCallsState } from '../calls/live-calls-state';
import type { SessionSlot } from '../platform/session-store';
import { emptyTrackerState, type TrackerEvent, type TrackerStep, track } from './call-tracker';

interface Update {
  /** The state after this update (undefined when it only reads), and what the caller gets. */
  change(state: LiveCallsState): { next?: LiveCallsState; value: unknown };
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * The tracker's state, kept in storage.session so a service-worker restart mid-call loses
 * nothing. Updates run in order, never two at once: two signals arriving together must not both
 * read the same old state. Updates that queue up while one is being stored are applied together
 * and stored with one write, so a burst of signals from many tabs costs a few storage round trips,
 * not two per signal.
 */
export class LiveCalls {
  private waiting: Update[] = [];
  private draining = false;
  /**
   * What the slot holds, as this worker last read or wrote it: the worker is its only writer, so
   * after the first read each update costs one write and no read.
   */
  private stored: Promise<LiveCallsState | undefined> | undefined;

  constructor(private readonly slot: SessionSlot<LiveCallsState>) {}

  private async read(): Promise<LiveCallsState> {
    this.stored ??= this.slot.read();
    const reading = this.stored;
    try {
      return (await reading) ?? { tracker: emptyTrackerState(), unwritten: [] };
    } catch (error) {
      if (this.stored === reading) this.stored = undefined;
      throw error;
    }
  }

  /** Starts reading the stored state now: a worker woken by a call's end does not wait for it then. */
  prefetch(): void {
    this.read().catch(() => undefined);
  }

  private update<T>(change: (state: LiveCallsState) => { next?: LiveCallsState; value: T }): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ change, resolve: resolve as (value: unknown) => void, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0);
        try {
          await this.store(batch);
        } catch (error) {
          const [only] = batch;
          if (batch.length === 1 && only) only.reject(error);
          // One bad update (or one failed write) must not take the others down with it.
          else for (const single of batch) await this.store([single]).catch(single.reject);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async store(batch: readonly Update[]): Promise<void> {
    const start = await this.read();
    let state = start;
    const values = batch.map((update) => {
      const { next, value } = update.change(state);
      if (next) state = next;
      return value;
    });
    if (state !== start) {
      // A failed write leaves the slot unknown: read it again next time.
      this.stored = undefined;
      await this.slot.write(state);
      this.stored = Promise.resolve(state);
    }
    batch.forEach((update, index) => {
      update.resolve(values[index]);
    });
  }

  /**
   * Applies an event; the calls it ended are returned and also queued as unwritten. Figures that
   * arrived after their call ended go onto it while it waits here, and are returned in
   * `lateTalk` too: a flush may have taken the call without them, and the nudge asks again.
   */
  apply(event: TrackerEvent): Promise<{
    ended: EndedCall[];
    liveCount: number;
    live: LiveCall[];
    /** The calls this event made live. */
    started: LiveCall[];
    lateTalk: TrackerStep['lateTalk'];
  }> {
    return this.update((current) => {
      const step = track(current.tracker, event);
      const live = Object.values(step.state.live);
      const started = live.filter((call) => !Object.hasOwn(current.tracker.live, call.callKey));
      const late = new Map(step.lateTalk.map(({ callKey, talk }) => [callKey, talk]));
      const unwritten = [...current.unwritten, ...step.ended].map((call) => {
        const talk = late.get(call.callKey);
        return talk && !call.talk ? { ...call, talk } : call;
      });
      return {
        next: { tracker: step.state, unwritten },
        value: {
          ended: step.ended,
          liveCount: live.length,
          live,
          started,
          lateTalk: step.lateTalk,
        },
      };
    });
  }

  /** Queues calls ended elsewhere (the browser closed on them) for the next flush. */
  queueUnwritten(calls: readonly EndedCall[]): Promise<void> {
    return this.update((current) => ({
      next: { ...current, unwritten: [...current.unwritten, ...calls] },
      value: undefined,
    }));
  }

  live(): Promise<LiveCall[]> {
    return this.update((current) => ({ value: Object.values(current.tracker.live) }));
  }

  unwritten(): Promise<EndedCall[]> {
    return this.update((current) => ({ value: current.unwritten }));
  }

  markWritten(callKeys: readonly string[]): Promise<void> {
    const written = new Set(callKeys);
    return this.update((current) => ({
      next: { ...current, unwritten: current.unwritten.filter((call) => !written.has(call.callKey)) },
      value: undefined,
    }));
  }

  liveCount(): Promise<number> {
    return this.update((current) => ({ value: Object.keys(current.tracker.live).length }));
  }
}
