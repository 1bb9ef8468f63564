/** However busy the machine, what waits for idle time starts within this. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Runs `task` when the page is next idle: after the frame being drawn, so work started there
 * (fetching and compiling the chunks that can wait) does not delay it. Returns the cancel.
 */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}
