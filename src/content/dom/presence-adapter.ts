import { pageReadPages } from '../../dialers/frame-families';
import { matchesPattern } from '../../dialers/page-patterns';
import type { CallOutcome } from '../../messages/call-signal';
import type { DialerAdapter } from '../adapters/adapter';
import { watchDom } from './watch-dom';

/** What a page shows right now, as far as a call goes. */
export interface CallView {
  /** A call is on screen (ringing or talking). */
  live: boolean;
  /** It is a conversation, not just ringing (a running call timer, say). Optional knowledge. */
  talking?: boolean;
}

/**
 * A dialer read from its page: `read` says what the DOM shows, and a call starts when one
 * appears, is answered when it starts talking, and ends when it disappears. Applies on the
 * family's pages (dialers/frame-families.ts) in any frame.
 */
export function presenceAdapter(id: string, read: (doc: Document) => CallView): DialerAdapter {
  return {
    id,
    matches: (frame) => pageReadPages(id).some((pattern) => matchesPattern(pattern, frame.location.href)),
    start: (frame, emit, stop, now) =>
      watchCallView(frame, stop, read, (kind, outcome) => {
        emit({ kind, source: id, at: now(), ...(outcome ? { outcome } : {}) });
      }),
  };
}

/** Turns a page's call view over time into started / answered / ended. */
export function watchCallView(
  frame: Window,
  stop: AbortSignal,
  read: (doc: Document) => CallView,
  on: (kind: 'started' | 'answered' | 'ended', outcome?: CallOutcome) => void,
): void {
  let live = false;
  let talked = false;
  let knowsTalking = false;
  watchDom(frame, stop, () => {
    const view = read(frame.document);
    if (view.live && !live) {
      live = true;
      talked = false;
      on('started');
    }
    if (live && view.talking !== undefined) knowsTalking = true;
    if (live && view.talking && !talked) {
      talked = true;
      on('answered');
    }
    if (!view.live && live) {
      live = false;
      on('ended', knowsTalking ? (talked ? 'completed' : 'no-answer') : undefined);
    }
  });
}
