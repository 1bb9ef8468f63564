import { NOTIFICATION_BUTTONS, NOTIFICATION_PREFIX, ROUGH_RUN_NOTIFICATION_PREFIX } from './nudger';

export interface NotificationActionDeps {
  openReset(callKey: string): Promise<void>;
  openRoughRun(callKey: string): Promise<void>;
  rateTough(callKey: string): Promise<unknown>;
  clear(notificationId: string): Promise<unknown>;
}

/**
 * What a click on a nudge notification does: the body and the first button open the routine (the
 * rough run after a run of tough calls, the reset otherwise), "Tough" rates.
 */
export function createNotificationActions(deps: NotificationActionDeps) {
  const nudgeOf = (id: string): { callKey: string; open(callKey: string): Promise<void> } | undefined => {
    if (id.startsWith(NOTIFICATION_PREFIX))
      return { callKey: id.slice(NOTIFICATION_PREFIX.length), open: deps.openReset };
    if (id.startsWith(ROUGH_RUN_NOTIFICATION_PREFIX))
      return { callKey: id.slice(ROUGH_RUN_NOTIFICATION_PREFIX.length), open: deps.openRoughRun };
    return undefined;
  };

  return {
    async clicked(id: string): Promise<void> {
      const nudge = nudgeOf(id);
      if (!nudge?.callKey) return;
      await deps.clear(id);
      await nudge.open(nudge.callKey);
    },
    async buttonClicked(id: string, index: number): Promise<void> {
      const nudge = nudgeOf(id);
      if (!nudge?.callKey) return;
      await deps.clear(id);
      if (NOTIFICATION_BUTTONS[index] === 'tough') await deps.rateTough(nudge.callKey);
      else await nudge.open(nudge.callKey);
    },
  };
}
