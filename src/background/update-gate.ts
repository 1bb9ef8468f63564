import type { SessionSlot } from '../platform/session-store';
import { DRAFT_FRESH_MS, type RoutineDraft } from '../routine/draft';

export interface UpdateGateDeps {
  /** When the browser said a newer version is ready; cleared by the reload itself. */
  updateWaiting: SessionSlot<number>;
  liveCount(): Promise<number>;
  routineDraft: SessionSlot<RoutineDraft>;
  /** runtime.reload(): the browser installs the waiting version. */
  reload(): void;
  now(): number;
}

/**
 * An update waits for a quiet moment: reloading mid-call or mid-routine would cut the rep off
 * (the shadows would still record the call, but as browser-closed, with a guessed length).
 * `reloadIfQuiet` runs whenever a call ends or the routine draft goes.
 */
export function createUpdateGate(deps: UpdateGateDeps) {
  const reloadIfQuiet = async (): Promise<boolean> => {
    if ((await deps.updateWaiting.read()) === undefined) return false;
    if ((await deps.liveCount()) > 0) return false;
    const draft = await deps.routineDraft.read();
    if (draft && deps.now() - draft.savedAt <= DRAFT_FRESH_MS) return false;
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
