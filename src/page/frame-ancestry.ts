const MAX_FRAME_DEPTH = 8;

/**
 * True when `source` is a frame nested (at any depth) inside `host`. Dialer SDKs post with
 * targetOrigin '*', so the message origin proves little; a message from the page itself, a
 * sibling tab or a worker is never a dialer widget.
 */
export function isFrameInside(host: Window, source: MessageEventSource | null): boolean {
  if (source === null || source === host) return false;
  let current: unknown = source;
  for (let depth = 0; depth < MAX_FRAME_DEPTH; depth++) {
    let parent: unknown;
    try {
      parent = (current as Window).parent;
    } catch {
      return false;
    }
    if (parent === undefined || parent === null || parent === current) return false;
    if (parent === host) return true;
    current = parent;
  }
  return false;
}
