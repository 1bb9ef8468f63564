import type { EndedCall } from '../calls/call';
import { ratingsSince } from '../db/calls';
import type { ReboundDb } from '../db/schema';
import { type Escalation, supportContactOf } from '../messages/escalation';
import type { SessionSlot } from '../platform/session-store';
import type { Settings } from '../settings/settings';
import { startOfDay } from '../time/local-day';
import { decideHeldNudge, decideNudge, escalates, type NudgeContext, toughStreakOf } from './nudge-policy';

/** A nudge waiting for the last live call to end. In storage.session: a worker restart keeps it. */
export interface HeldNudge {
  call: EndedCall;
}

export interface NudgeRequest {
  call: EndedCall;
  settings: Settings;
  escalation?: Escalation;
  /** Tabs to show a toast in, best first: where the rep just hung up, then the call's own tab. */
  tabIds: number[];
}

export interface NudgeFlowDeps {
  db: ReboundDb;
  loadSettings(): Promise<Settings>;
  heldNudge: SessionSlot<HeldNudge>;
  lastNudgeAt: SessionSlot<number>;
  readSnooze(): Promise<number | undefined>;
  /** Delivers in the rep's chosen style. False when nothing reached the rep. */
  deliver(request: NudgeRequest): Promise<boolean>;
  now(): number;
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
      toughStreakToday(deps.db, now),
    ]);
    return { now, liveCalls, snoozedUntil, lastNudgeAt, toughStreak };
  }

  async function deliver(call: EndedCall, settings: Settings, context: NudgeContext, tabIds: number[]) {
    const escalation = escalationFor(context.toughStreak, settings);
    if (await deps.deliver({ call, settings, escalation, tabIds })) await deps.lastNudgeAt.write(context.now);
  }

  /** The latest ended call the policy nudges wins; an older held one is then superseded. */
  function afterCallsEnded(ended: readonly EndedCall[], liveCalls: number): Promise<void> {
    return serial(async () => {
      if (ended.length === 0) return;
      const settings = await deps.loadSettings();
      const context = await contextFor(liveCalls);
      let toHold: EndedCall | undefined;
      let toNudge: EndedCall | undefined;
      for (const call of ended) {
        const decision = decideNudge(call, settings, context);
        if (decision.kind === 'hold') toHold = call;
        if (decision.kind === 'nudge') toNudge = call;
      }
      if (toHold) {
        await deps.heldNudge.write({ call: toHold });
        return;
      }
      const lastTab = ended[ended.length - 1]?.tabId;
      if (toNudge) {
        // The rep sees the nudge first; the superseded hold is cleaned up after.
        await deliver(toNudge, settings, context, [toNudge.tabId]);
        await deps.heldNudge.clear();
        return;
      }
      if (liveCalls === 0) await release(settings, context, lastTab);
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
    /** On worker start: a nudge held when the worker stopped, and no call live any more. */
    releaseIfIdle(liveCalls: number): Promise<void> {
      return serial(async () => {
        if (liveCalls > 0) return;
        await release(await deps.loadSettings(), await contextFor(0));
      });
    },
  };
}
