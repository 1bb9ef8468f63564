import * as v from 'valibot';
import { isFrameInside } from '../frame-ancestry';

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
  frame.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (!isFrameInside(frame, event.source)) return;
      const parsed = v.safeParse(schema, event.data);
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
