/** Keyboard shortcuts (manifest `commands`); `_execute_action` opens the popup by itself. */
export const COMMANDS = {
  quickReset: 'quick-reset',
  markLastTough: 'mark-last-tough',
} as const;

export interface CommandDeps {
  /** The 5-second breath in the active tab's toast; false when that tab has no Rebound. */
  breatheInActiveTab(): Promise<boolean>;
  /** Where a page cannot show the breath: the popup, straight into the quick reset. */
  openPopup(): Promise<void>;
  markLastCallTough(): Promise<boolean>;
}

export function createCommandHandler(deps: CommandDeps) {
  return async function onCommand(command: string): Promise<void> {
    switch (command) {
      case COMMANDS.quickReset:
        if (!(await deps.breatheInActiveTab())) await deps.openPopup();
        return;
      case COMMANDS.markLastTough:
        await deps.markLastCallTough();
        return;
    }
  };
}
