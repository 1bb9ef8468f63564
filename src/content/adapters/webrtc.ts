/**
 * Generic WebRTC: hears the MAIN-world hook (src/page/webrtc-hook.ts) in this frame through
 * its CustomEvent channel. The detail is a claim from the page's world, so it is parsed as a
 * short string against a strict schema, never trusted as an object. Try it on:
 * tests/fixtures/webrtc-call.
 */
import * as v from 'valibot';
import { WEBRTC_EVENT } from '../../page/webrtc-channel';
import type { DialerAdapter } from './adapter';

export const WEBRTC_SOURCE = 'webrtc';
const MAX_DETAIL_LENGTH = 200;

const notice = v.strictObject({
  kind: v.picklist(['started', 'ended']),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]{1,16}-\d{1,9}$/)),
});

function parseNotice(detail: unknown): v.InferOutput<typeof notice> | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_DETAIL_LENGTH) return undefined;
  try {
    const parsed = v.safeParse(notice, JSON.parse(detail));
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}

export const webrtcAdapter: DialerAdapter = {
  id: WEBRTC_SOURCE,
  matches: () => true,
  start(frame, emit, stop, now) {
    frame.document.addEventListener(
      WEBRTC_EVENT,
      (event: Event) => {
        const parsed = parseNotice((event as CustomEvent).detail);
        if (parsed) emit({ kind: parsed.kind, source: WEBRTC_SOURCE, callId: parsed.id, at: now() });
      },
      { signal: stop },
    );
  },
};
