import * as v from 'valibot';
import { isFrameInside } from '../frame-ancestry';

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
 * Every protocol adapter in a frame behind one `message` listener. A chatty page posts hundreds
 * of messages a second; each costs one listener call and, for a message of another kind, one
 * property read per kind property (`type`, `name`, `api`), not one listener call per adapter.
 */
class FrameMessages {
  /** Gate key → message kind → the routes that take that kind (a list: read on every message). */
  private readonly gated: Array<readonly [string, Map<unknown, Set<Route>>]> = [];
  private readonly ungated = new Set<Route>();
  private routes = 0;
  private listening = false;

  constructor(private readonly frame: Window) {}

  add(route: Route, gate: Gate | undefined, stop: AbortSignal): void {
    if (stop.aborted) return;
    const sets = gate ? [...gate.kinds].map((kind) => this.routesFor(gate.key, kind)) : [this.ungated];
    for (const set of sets) set.add(route);
    this.routes += 1;
    if (!this.listening) {
      this.frame.addEventListener('message', this.onMessage);
      this.listening = true;
    }
    stop.addEventListener('abort', () => {
      for (const set of sets) set.delete(route);
      this.routes -= 1;
      if (this.routes === 0) {
        this.frame.removeEventListener('message', this.onMessage);
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

  private readonly onMessage = (event: MessageEvent): void => {
    // The sender first: reading `data` makes the browser copy the message into this world, and
    // a page posting to itself (schedulers, analytics) is never a dialer.
    if (!isFrameInside(this.frame, event.source)) return;
    const data: unknown = event.data;
    // Nothing is allocated for a message no adapter takes: most of a chatty page's traffic.
    let candidates: Route[] | undefined = this.ungated.size > 0 ? [...this.ungated] : undefined;
    let named = false;
    if (typeof data === 'object' && data !== null) {
      for (const [key, kinds] of this.gated) {
        const routes = kinds.get((data as Record<string, unknown>)[key]);
        if (routes && routes.size > 0) {
          candidates = [...(candidates ?? []), ...routes];
          named = true;
        }
      }
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
    // A dialer's message kind in a shape no adapter knows: how a vendor's protocol change looks.
    if (named && !taken) unrecognisedListeners.get(this.frame)?.();
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
 * Listens for `message` events that a frame nested in `frame` posted and that match `schema`;
 * everything else (the page itself, other windows, other shapes) is ignored without a throw.
 * Dialer SDKs post with targetOrigin '*', so the sender frame and the shape are the proof.
 */
export function onFrameMessage<TSchema extends v.GenericSchema>(
  frame: Window,
  stop: AbortSignal,
  schema: TSchema,
  handle: (message: v.InferOutput<TSchema>) => void,
): void {
  const messages = perFrame.get(frame) ?? new FrameMessages(frame);
  perFrame.set(frame, messages);
  messages.add({ schema, handle: handle as (message: unknown) => void }, gateOf(schema), stop);
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
