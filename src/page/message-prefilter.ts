/**
 * MAIN world, document_start, every frame: the first look at the page's `message` events. In the
 * page's own world `event.data` is already there for the page's listeners; in the content
 * script's world each read copies the whole message across. So the kind property and the sender
 * frame are checked here, and only a message a dialer could mean (HubSpot's CALL_ENDED, not a
 * chat widget's chatter) is passed on, as a short JSON string. The content script stays the
 * judge: it validates all of it against the dialer's schema. Tiny and dependency-free.
 *
 * This listener runs for every message a page gets (150 a second on a chatty CRM), so the cheap
 * checks come first: the page's own posts are never read; a frame flooding the page with
 * messages of no dialer's kind is not read while it floods (./chatter-pace.ts); the kind is looked
 * up in a plain array; the frame tree is walked only for a message of a kind a dialer takes.
 */
import { chatterPace } from './chatter-pace';
import { isFrameInside } from './frame-ancestry';
import {
  FRAME_MESSAGE_EVENT,
  MAX_FORWARDED_LENGTH,
  MESSAGE_GATES_EVENT,
  type MessageGates,
  PREFILTER_READY_EVENT,
} from './message-channel';

export function installMessagePrefilter(win: Window): void {
  const doc = win.document;
  const dispatch = doc.dispatchEvent.bind(doc);
  const { parse, stringify } = JSON;
  /** Kind property → kinds passed on. Only ever added to, so a forged gates event cannot blind it. */
  const gates = new Map<string, Set<unknown>>();
  /** The same gates as a plain array, read on every message with no iterator. */
  let gateList: Array<{ key: string; kinds: Set<unknown> }> = [];
  const pace = chatterPace();

  doc.addEventListener(MESSAGE_GATES_EVENT, (event) => {
    const detail: unknown = (event as CustomEvent).detail;
    if (typeof detail !== 'string' || detail.length > MAX_FORWARDED_LENGTH) return;
    let asked: unknown;
    try {
      asked = parse(detail);
    } catch {
      return;
    }
    if (typeof asked !== 'object' || asked === null) return;
    for (const [key, kinds] of Object.entries(asked as MessageGates)) {
      if (!Array.isArray(kinds)) continue;
      const known = gates.get(key) ?? new Set<unknown>();
      for (const kind of kinds) known.add(kind);
      gates.set(key, known);
    }
    gateList = [...gates].map(([key, kinds]) => ({ key, kinds }));
  });

  win.addEventListener('message', (event) => {
    const source = event.source;
    // A sender is a window, a port, a worker or null: anything else is nobody to count.
    if (gateList.length === 0 || typeof source !== 'object' || source === null || source === win) return;
    if (pace.skip(source, event.timeStamp)) return;
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    let wanted = false;
    for (const gate of gateList) {
      if (gate.kinds.has((data as Record<string, unknown>)[gate.key])) {
        wanted = true;
        break;
      }
    }
    if (!wanted || !isFrameInside(win, source)) return;
    pace.heardDialer(source);
    let text: string | undefined;
    try {
      text = stringify(data);
    } catch {
      return;
    }
    if (typeof text !== 'string' || text.length > MAX_FORWARDED_LENGTH) return;
    dispatch(new CustomEvent(FRAME_MESSAGE_EVENT, { detail: text }));
  });

  dispatch(new CustomEvent(PREFILTER_READY_EVENT));
}
