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

/** Whether an event came from a frame inside the page: asked once per event, whatever listens. */
const fromInside = new WeakMap<Event, boolean>();

/**
 * Listens for `message` events that a frame nested in `frame` posted and that match `schema`;
 * everything else (the page itself, other windows, other shapes) is ignored without a throw.
 * Dialer SDKs post with targetOrigin '*', so the sender frame and the shape are the proof.
 * A chatty page posts hundreds of messages a second, so the message kind is looked at first:
 * another protocol's or a chat widget's message costs one property read.
 */
export function onFrameMessage<TSchema extends v.GenericSchema>(
  frame: Window,
  stop: AbortSignal,
  schema: TSchema,
  handle: (message: v.InferOutput<TSchema>) => void,
): void {
  const gate = gateOf(schema);
  frame.addEventListener(
    'message',
    (event: MessageEvent) => {
      const data: unknown = event.data;
      if (
        gate &&
        (typeof data !== 'object' || data === null || !gate.kinds.has((data as Record<string, unknown>)[gate.key]))
      ) {
        return;
      }
      let inside = fromInside.get(event);
      if (inside === undefined) {
        inside = isFrameInside(frame, event.source);
        fromInside.set(event, inside);
      }
      if (!inside) return;
      const parsed = v.safeParse(schema, data);
      if (parsed.success) handle(parsed.output);
    },
    { signal: stop },
  );
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
