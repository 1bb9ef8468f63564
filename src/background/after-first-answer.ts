/**
 * Start-up chores that no event waits on (re-registering the content scripts, the badge, the
 * retention alarm, a leftover write backlog) run after the worker's first answer instead of
 * against it: a worker woken by a call's end shows that call's nudge first. This is uBlock
 * Origin Lite's order: listeners first, synchronously, then the rest. With nothing to answer (a
 * plain browser start), the chores run once `idleMs` has passed.
 */
export interface AfterFirstAnswer {
  /** Runs `chore` after the first answer (or the idle time), or now if that has passed. */
  later(chore: () => unknown): void;
  /** The first answer went out: the chores may run. */
  answered(): void;
}

export function afterFirstAnswer(idleMs: number): AfterFirstAnswer {
  const waiting: Array<() => unknown> = [];
  let ready = false;
  const release = () => {
    if (ready) return;
    ready = true;
    clearTimeout(timer);
    for (const chore of waiting.splice(0)) chore();
  };
  const timer = setTimeout(release, idleMs);
  return {
    later(chore) {
      if (ready) chore();
      else waiting.push(chore);
    },
    answered: release,
  };
}
