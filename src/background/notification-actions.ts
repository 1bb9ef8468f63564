import { NOTIFICATION_BUTTONS, NOTIFICATION_PREFIX } from './nudger';

export interface NotificationActionDeps {
  openReset(callKey: string): Promise<void>;
  rateTough(callKey: string): Promise<unknown>;
  clear(notificationId: string): Promise<unknown>;
}

/** What a click on a nudge notification does: the body and "Reset" open the routine, "Tough" rates. */
export function createNotificationActions(deps: NotificationActionDeps) {
  const callKeyOf = (id: string) => (id.startsWith(NOTIFICATION_PREFIX) ? id.slice(NOTIFICATION_PREFIX.length) : '');

  return {
    async clicked(id: string): Promise<void> {
      const callKey = callKeyOf(id);
      if (!callKey) return;
      await deps.clear(id);
      await deps.openReset(callKey);
    },
    async buttonClicked(id: string, index: number): Promise<void> {
      const callKey = callKeyOf(id);
      if (!callKey) return;
      await deps.clear(id);
      if (NOTIFICATION_BUTTONS[index] === 'tough') await deps.rateTough(callKey);
      else await deps.openReset(callKey);
    },
  };
}
