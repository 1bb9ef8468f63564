/** However long a frame takes, or if none comes (a tab in the background), the task runs within this. */
const FRAME_TIMEOUT_MS = 1000;

/**
 * Runs `task` once the next frame has been drawn: an animation-frame callback runs before that
 * frame's paint, and a task it queues runs after it. (An idle callback is no such wait: it can
 * come in the idle time before the frame, ahead of its paint.) Returns the cancel.
 */
export function afterNextPaint(task: () => void): () => void {
  let settled = false;
  const run = () => {
    if (settled) return;
    settled = true;
    task();
  };
  let queued: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    queued = setTimeout(run, 0);
  });
  const fallback = setTimeout(run, FRAME_TIMEOUT_MS);
  return () => {
    settled = true;
    cancelAnimationFrame(frame);
    clearTimeout(queued);
    clearTimeout(fallback);
  };
}
