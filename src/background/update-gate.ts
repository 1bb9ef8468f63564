import type { SessionSlot } from '../platform/session-store';
import { DRAFT_FRESH_MS, type RoutineDraft } from '../routine/draft';

/** Brings the background back to try again once a toast has had its time. */
export const UPDATE_ALARM = 'update-when-quiet';

export interface UpdateGateDeps {
  /** When the browser said a newer version is ready; cleared by the reload itself. */
  updateWaiting: SessionSlot<number>;
  liveCount(): Promise<number>;
  routineDraft: SessionSlot<RoutineDraft>;
  /** When the last nudge reached the rep, and how long a toast stays up. */
  lastNudgeAt: SessionSlot<number>;
  nudgeShownMs(): Promise<number>;
  /** Asks for reloadIfQuiet again a little later (an alarm: the worker may sleep meanwhile). */
  retryLater(): void;
  /** runtime.reload(): the browser installs the waiting version. */
  reload(): void;
  now(): number;
}

/**
 * An update waits for a quiet moment: reloading mid-call or mid-routine would cut the rep off
 * (the shadows would still record the call, but as browser-closed, with a guessed length), and
 * reloading under a toast would leave its buttons talking to nobody. `reloadIfQuiet` runs
 * whenever a call ends or the routine draft goes, and again after a toast's time.
 */
export function createUpdateGate(deps: UpdateGateDeps) {
  const reloadIfQuiet = async (): Promise<boolean> => {
    if ((await deps.updateWaiting.read()) === undefined) return false;
    if ((await deps.liveCount()) > 0) return false;
    const draft = await deps.routineDraft.read();
    if (draft && deps.now() - draft.savedAt <= DRAFT_FRESH_MS) return false;
    const nudgedAt = await deps.lastNudgeAt.read();
    if (nudgedAt !== undefined && deps.now() - nudgedAt < (await deps.nudgeShownMs())) {
      deps.retryLater();
      return false;
    }
    deps.reload();
    return true;
  };
  return {
    async onUpdateAvailable(): Promise<boolean> {
      await deps.updateWaiting.write(deps.now());
      return reloadIfQuiet();
    },
    reloadIfQuiet,
  };
}
