/** A busy page mutates its DOM hundreds of times a second; we look at most this often. */
export const DOM_CHECK_INTERVAL_MS = 150;

/**
 * Calls `check` once now and then after DOM changes, at most once per interval, until `stop`.
 * A change after a quiet spell is looked at right away (a call's end shows within a frame); the
 * changes of a busy page wait for the rest of the interval. Works from document_start (it
 * observes the document node, before there is a body).
 */
export function watchDom(frame: Window, stop: AbortSignal, check: () => void): void {
  let pending = 0;
  let lastCheck = Number.NEGATIVE_INFINITY;
  const run = () => {
    pending = 0;
    lastCheck = frame.performance.now();
    if (!stop.aborted) check();
  };
  const observer = new MutationObserver(() => {
    if (pending !== 0) return;
    const wait = lastCheck + DOM_CHECK_INTERVAL_MS - frame.performance.now();
    if (wait <= 0) run();
    else pending = frame.setTimeout(run, Math.min(wait, DOM_CHECK_INTERVAL_MS));
  });
  observer.observe(frame.document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['hidden', 'style', 'class', 'aria-label', 'aria-hidden', 'disabled', 'gv-test-id'],
  });
  stop.addEventListener('abort', () => {
    observer.disconnect();
    frame.clearTimeout(pending);
  });
  run();
}

/** Rendered and not hidden (display, visibility, hidden, zero size). */
export function isVisible(element: Element): boolean {
  const html = element as HTMLElement;
  if (typeof html.checkVisibility === 'function') {
    return html.checkVisibility({ visibilityProperty: true, opacityProperty: false } as CheckVisibilityOptions);
  }
  return html.getClientRects().length > 0;
}
