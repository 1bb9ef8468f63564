import type { EndedCall } from '../calls/call';
import { callByKey, ratingsSince } from '../db/calls';
import { resetForCall } from '../db/resets';
import type { ReboundDb } from '../db/schema';
import { type Escalation, supportContactOf } from '../messages/escalation';
import type { CallRating } from '../messages/to-background';
import type { SessionSlot } from '../platform/session-store';
import type { Settings } from '../settings/settings';
import type { CallTalk } from '../talk/conversation-figures';
import { startOfDay } from '../time/local-day';
import {
  awaitsLateFigures,
  decideHeldNudge,
  decideLateNudge,
  decideNudge,
  escalates,
  LATE_FIGURES_WINDOW_MS,
  type NudgeContext,
  type NudgeDecision,
  toughStreakOf,
} from './nudge-policy';

/** A nudge waiting for the last live call to end. In storage.session: a worker restart keeps it. */
export interface HeldNudge {
  call: EndedCall;
}

/**
 * A call skipped at its end for being short, kept a few seconds in case its figures come late
 * and say it sounded rough. In storage.session, keyed by callKey.
 */
export interface ShortCall {
  call: EndedCall;
  atEnd: NudgeDecision;
  /** Another call ended after this one: the rep has moved on. */
  nextCallStarted: boolean;
}

/** Figures that reached a call after it ended (see call-tracker's `lateTalk`). */
export interface LateTalk {
  callKey: string;
  talk: CallTalk;
}

export interface NudgeRequest {
  call: EndedCall;
  settings: Settings;
  escalation?: Escalation;
  /** Tabs to show a toast in, best first: where the rep just hung up, then the call's own tab. */
  tabIds: number[];
}

/**
 * What became of an ended call at its end: nudged, not delivered (no tab would show it), held,
 * superseded by a later call's nudge, not written, or the policy's reason for no nudge.
 */
export type NudgeOutcome =
  | 'nudged'
  | 'not-delivered'
  | 'held'
  | 'superseded'
  | 'not-written'
  | Extract<NudgeDecision, { kind: 'none' }>['reason'];

export interface NudgeFlowDeps {
  db: ReboundDb;
  /**
   * The ratings of calls ended since a time, newest first; by default through Dexie. The worker
   * reads them straight from IndexedDB (db/call-writes.ts): a cold worker's first nudge then
   * waits for no Dexie open.
   */
  ratingsSince?(since: number): Promise<(CallRating | undefined)[]>;
  loadSettings(): Promise<Settings>;
  heldNudge: SessionSlot<HeldNudge>;
  shortCalls: SessionSlot<Record<string, ShortCall>>;
  lastNudgeAt: SessionSlot<number>;
  readSnooze(): Promise<number | undefined>;
  /** Delivers in the rep's chosen style. False when nothing reached the rep. */
  deliver(request: NudgeRequest): Promise<boolean>;
  now(): number;
  /** Told, once all a call end's run did is done, the outcome for each call that ended (callKey → outcome). */
  onDecided?(outcomes: Record<string, NudgeOutcome>): Promise<void>;
}

/** Tough ratings in a row today, and what the nudge shows when they reach the rep's setting. */
export async function toughStreakToday(db: ReboundDb, now: number): Promise<number> {
  return toughStreakOf(await ratingsSince(db, startOfDay(now)));
}

export function escalationFor(streak: number, settings: Settings): Escalation | undefined {
  if (!escalates(streak, settings)) return undefined;
  const contact = supportContactOf(settings.supportContact);
  return { streak, ...(contact ? { contact } : {}) };
}

/**
 * From ended calls to a delivered nudge: asks the policy, holds a nudge while another call is
 * live and releases it when the last one ends. One run at a time, so a hold written by one
 * call's end is seen by the next.
 */
export function createNudgeFlow(deps: NudgeFlowDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = (task: () => Promise<void>): Promise<void> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function contextFor(liveCalls: number): Promise<NudgeContext> {
    const now = deps.now();
    const [snoozedUntil, lastNudgeAt, toughStreak] = await Promise.all([
      deps.readSnooze(),
      deps.lastNudgeAt.read(),
      deps.ratingsSince ? deps.ratingsSince(startOfDay(now)).then(toughStreakOf) : toughStreakToday(deps.db, now),
    ]);
    return { now, liveCalls, snoozedUntil, lastNudgeAt, toughStreak };
  }

  async function deliver(
    call: EndedCall,
    settings: Settings,
    context: NudgeContext,
    tabIds: number[],
  ): Promise<boolean> {
    const escalation = escalationFor(context.toughStreak, settings);
    const delivered = await deps.deliver({ call, settings, escalation, tabIds });
    if (delivered) await deps.lastNudgeAt.write(context.now);
    return delivered;
  }

  /**
   * The latest ended call the policy nudges wins; an older held one is then superseded. The
   * decision is read while the calls are written; what it holds or shows waits for `written`, and
   * nothing happens when it says the calls did not reach the database.
   */
  function afterCallsEnded(
    ended: readonly EndedCall[],
    liveCalls: number,
    written: Promise<boolean> = Promise.resolve(true),
  ): Promise<void> {
    return serial(async () => {
      if (ended.length === 0) return;
      const [settings, context] = await Promise.all([deps.loadSettings(), contextFor(liveCalls)]);
      let toHold: EndedCall | undefined;
      let toNudge: EndedCall | undefined;
      const short: ShortCall[] = [];
      const outcomes: Record<string, NudgeOutcome> = {};
      for (const call of ended) {
        const decision = decideNudge(call, settings, context);
        if (decision.kind === 'hold') toHold = call;
        if (decision.kind === 'nudge') toNudge = call;
        outcomes[call.callKey] = decision.kind === 'none' ? decision.reason : 'superseded';
        if (awaitsLateFigures(call, decision)) short.push({ call, atEnd: decision, nextCallStarted: false });
      }
      const lastTab = ended[ended.length - 1]?.tabId;
      if (!(await written)) {
        await deps.onDecided?.(Object.fromEntries(ended.map((call) => [call.callKey, 'not-written'])));
        return;
      }
      if (toHold) {
        await deps.heldNudge.write({ call: toHold });
        outcomes[toHold.callKey] = 'held';
      } else if (toNudge) {
        // The rep sees the nudge first; the superseded hold is cleaned up after.
        const delivered = await deliver(toNudge, settings, context, [toNudge.tabId]);
        outcomes[toNudge.callKey] = delivered ? 'nudged' : 'not-delivered';
        await deps.heldNudge.clear();
      } else if (liveCalls === 0) {
        await release(settings, context, lastTab);
      }
      // After the nudge, off its path: nothing is ever delivered for a call while it waits here.
      await rememberShort(short, ended, context.now);
      await deps.onDecided?.(outcomes);
    });
  }

  /** Keeps the short calls that just ended; those kept before now have a next call after them. */
  async function rememberShort(short: readonly ShortCall[], ended: readonly EndedCall[], now: number): Promise<void> {
    const stored = (await deps.shortCalls.read()) ?? {};
    if (short.length === 0 && Object.keys(stored).length === 0) return;
    const endedNow = new Set(ended.map((call) => call.callKey));
    const kept = Object.entries(stored)
      .filter(([key, entry]) => !endedNow.has(key) && now - entry.call.endedAt <= LATE_FIGURES_WINDOW_MS)
      .map(([key, entry]) => [key, { ...entry, nextCallStarted: true }] as const);
    const added = short.map((entry) => [entry.call.callKey, entry] as const);
    await deps.shortCalls.write(Object.fromEntries([...kept, ...added]));
  }

  /** True when the rep rated the call or ran a reset for it; undefined when it is not in the database. */
  async function answered(callKey: string): Promise<boolean | undefined> {
    const record = await callByKey(deps.db, callKey);
    if (!record) return undefined;
    return record.rating !== undefined || (await resetForCall(deps.db, record.id)) !== undefined;
  }

  /**
   * Figures that reached calls after their end (already written, and joined to their rows). A
   * short call that now sounds rough is nudged, once: it leaves the short list whatever the
   * answer. A held nudge takes the figures, so it says why when it is released.
   */
  function afterLateTalk(late: readonly LateTalk[], liveCalls: number): Promise<void> {
    return serial(async () => {
      if (late.length === 0) return;
      const held = await deps.heldNudge.read();
      const heldTalk = held && !held.call.talk && late.find(({ callKey }) => callKey === held.call.callKey)?.talk;
      if (held && heldTalk) await deps.heldNudge.write({ call: { ...held.call, talk: heldTalk } });

      const stored = (await deps.shortCalls.read()) ?? {};
      const found = late.filter(({ callKey }) => stored[callKey] !== undefined);
      if (found.length === 0) return;
      const remaining = Object.fromEntries(
        Object.entries(stored).filter(([key]) => !found.some((f) => f.callKey === key)),
      );
      await deps.shortCalls.write(remaining);

      const [settings, context] = await Promise.all([deps.loadSettings(), contextFor(liveCalls)]);
      for (const { callKey, talk } of found) {
        const entry = stored[callKey];
        const isAnswered = await answered(callKey);
        if (!entry || isAnswered === undefined) continue;
        const call = { ...entry.call, talk };
        const decision = decideLateNudge(call, settings, context, {
          atEnd: entry.atEnd,
          answered: isAnswered,
          nextCallStarted: entry.nextCallStarted,
        });
        if (decision.kind !== 'nudge') continue;
        await deliver(call, settings, context, [call.tabId]);
        return;
      }
    });
  }

  async function release(settings: Settings, context: NudgeContext, releasingTab?: number): Promise<void> {
    const held = await deps.heldNudge.read();
    if (!held) return;
    const decision = decideHeldNudge(held.call, settings, context);
    if (decision.kind === 'hold') return;
    await deps.heldNudge.clear();
    if (decision.kind !== 'nudge') return;
    const tabs = releasingTab === undefined ? [held.call.tabId] : [releasingTab, held.call.tabId];
    await deliver(held.call, settings, context, tabs);
  }

  return {
    afterCallsEnded,
    afterLateTalk,
    /** On worker start: a nudge held when the worker stopped, and no call live any more. */
    releaseIfIdle(liveCalls: number): Promise<void> {
      return serial(async () => {
        if (liveCalls > 0) return;
        await release(await deps.loadSettings(), await contextFor(0));
      });
    },
  };
}
