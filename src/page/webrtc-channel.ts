/**
 * The one channel between the MAIN-world WebRTC hook and the isolated-world content script:
 * a CustomEvent on the document whose detail is a short JSON string (objects do not cross
 * worlds). The page can read and forge it like anything in its DOM, so the content script
 * checks every detail against a schema and treats it as a claim, not a fact.
 */
export const WEBRTC_EVENT = 'rebound:webrtc-call';

export interface WebrtcCallNotice {
  kind: 'started' | 'ended';
  /** Unique to the connection: a per-frame random prefix and a counter. */
  id: string;
}
