import * as v from 'valibot';
import {
  FRAME_MESSAGE_EVENT,
  MAX_FORWARDED_LENGTH,
  MESSAGE_GATES_EVENT,
  type MessageGates,
  PREFILTER_READY_EVENT,
} from '../../page/message-channel';

/** The property whose value names the message kind, and the kinds a protocol has. */
interface Gate {
  key: string;
  kinds: ReadonlySet<unknown>;
}

/** The first picklist or literal entry of an object schema: what tells its messages apart. */
function gateOf(schema: v.GenericSchema): Gate | undefined {
  const entries = (schema as { entries?: Record<string, { type: string; options?: unknown[]; literal?: unknown }> })
    .entries;
  for (const [key, entry] of Object.entries(entries ?? {})) {
    if (entry.type === 'picklist' && entry.options) return { key, kinds: new Set(entry.options) };
    if (entry.type === 'literal') return { key, kinds: new Set([entry.literal]) };
  }
  return undefined;
}

interface Route {
  schema: v.GenericSchema;
  handle(message: unknown): void;
}

/**
 * Every protocol adapter in a frame behind one listener. The page's `message` events are seen
 * first by the MAIN-world prefilter (src/page/message-prefilter.ts), which passes on, as JSON,
 * only what a nested frame posted with a kind listed here: a chatty page's traffic never crosses
 * into this world. What does arrive is a claim from the page's world, parsed and checked here.
 */
class FrameMessages {
  /** Gate key → message kind → the routes that take that kind (a list: read on every message). */
  private readonly gated: Array<readonly [string, Map<unknown, Set<Route>>]> = [];
  private routes = 0;
  private listening = false;

  constructor(private readonly frame: Window) {}

  add(route: Route, gate: Gate, stop: AbortSignal): void {
    if (stop.aborted) return;
    const sets = [...gate.kinds].map((kind) => this.routesFor(gate.key, kind));
    for (const set of sets) set.add(route);
    this.routes += 1;
    const doc = this.frame.document;
    if (!this.listening) {
      doc.addEventListener(FRAME_MESSAGE_EVENT, this.onMessage);
      doc.addEventListener(PREFILTER_READY_EVENT, this.sendGates);
      this.listening = true;
    }
    this.sendGates();
    stop.addEventListener('abort', () => {
      for (const set of sets) set.delete(route);
      this.routes -= 1;
      if (this.routes === 0) {
        doc.removeEventListener(FRAME_MESSAGE_EVENT, this.onMessage);
        doc.removeEventListener(PREFILTER_READY_EVENT, this.sendGates);
        this.listening = false;
      }
    });
  }

  private routesFor(key: string, kind: unknown): Set<Route> {
    let kinds = this.gated.find(([gateKey]) => gateKey === key)?.[1];
    if (!kinds) {
      kinds = new Map<unknown, Set<Route>>();
      this.gated.push([key, kinds]);
    }
    const routes = kinds.get(kind) ?? new Set<Route>();
    kinds.set(kind, routes);
    return routes;
  }

  /** Tells the prefilter every kind taken here (it may start before or after this script). */
  private readonly sendGates = (): void => {
    const gates: MessageGates = {};
    for (const [key, kinds] of this.gated) gates[key] = [...kinds.keys()] as MessageGates[string];
    this.frame.document.dispatchEvent(new CustomEvent(MESSAGE_GATES_EVENT, { detail: JSON.stringify(gates) }));
  };

  private readonly onMessage = (event: Event): void => {
    const detail: unknown = (event as CustomEvent).detail;
    if (typeof detail !== 'string' || detail.length > MAX_FORWARDED_LENGTH) return;
    let data: unknown;
    try {
      data = JSON.parse(detail);
    } catch {
      return;
    }
    if (typeof data !== 'object' || data === null) return;
    let candidates: Route[] | undefined;
    for (const [key, kinds] of this.gated) {
      const routes = kinds.get((data as Record<string, unknown>)[key]);
      if (routes && routes.size > 0) candidates = [...(candidates ?? []), ...routes];
    }
    if (!candidates) return;
    let taken = false;
    for (const route of candidates) {
      const parsed = v.safeParse(route.schema, data);
      if (parsed.success) {
        taken = true;
        route.handle(parsed.output);
      }
    }
    // A dialer's message kind (the prefilter passes on no other) in a shape no adapter knows:
    // how a vendor's protocol change looks.
    if (!taken) unrecognisedListeners.get(this.frame)?.();
  };
}

const perFrame = new WeakMap<Window, FrameMessages>();
const unrecognisedListeners = new WeakMap<Window, () => void>();

/**
 * Called (with nothing from the message) each time a frame nested in `frame` posts a message
 * whose kind a dialer protocol names but whose shape no adapter accepts.
 */
export function onUnrecognisedFrameMessage(frame: Window, listener: () => void): void {
  unrecognisedListeners.set(frame, listener);
}

/**
 * Hears messages that a frame nested in `frame` posted and that match `schema`, by way of the
 * prefilter; everything else (the page itself, other windows, other shapes) is ignored without
 * a throw. Dialer SDKs post with targetOrigin '*', so the sender frame and the shape are the proof.
 */
export function onFrameMessage<TSchema extends v.GenericSchema>(
  frame: Window,
  stop: AbortSignal,
  schema: TSchema,
  handle: (message: v.InferOutput<TSchema>) => void,
): void {
  const gate = gateOf(schema);
  if (!gate) throw new Error('a frame-message schema starts with a picklist or literal kind property');
  const messages = perFrame.get(frame) ?? new FrameMessages(frame);
  perFrame.set(frame, messages);
  messages.add({ schema, handle: handle as (message: unknown) => void }, gate, stop);
}

export const vendorCallId = v.pipe(
  v.union([v.string(), v.pipe(v.number(), v.integer(), v.transform(String))]),
  v.string(),
  v.minLength(1),
  v.maxLength(200),
);

/** Seconds as a number or a numeric string (vendors send both) → milliseconds. */
export const secondsAsMs = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.regex(/^\d{1,6}(\.\d+)?$/), v.transform(Number))]),
  v.number(),
  v.minValue(0),
  v.maxValue(24 * 3600),
  v.transform((seconds) => Math.round(seconds * 1000)),
);
