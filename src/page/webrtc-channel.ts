/**
 * The one channel between the MAIN-world WebRTC hook and the isolated-world content script:
 * a CustomEvent on the document whose detail is a short JSON string (objects do not cross
 * worlds). The page can read and forge it like anything in its DOM, so the content script
 * checks every detail against a schema and treats it as a claim, not a fact.
 */
export const WEBRTC_EVENT = 'rebound:webrtc-call';
/**
 * Content script → hook: conversation signals are `'on'` here (or turned `'off'`); `'fine'` when
 * this frame's line stays open, so the hook samples every quarter second while anyone spoke in
 * the last two seconds and the end of a conversation is known to that; `'now'` asks for one
 * sample (a report) at once, when a conversation's quiet spell is over, to confirm it was quiet.
 * Until 'on' or 'fine' arrives the hook never calls getStats. A page forging it only makes the
 * hook read statistics the page can read itself (at most ten times a second), or stop reading them.
 */
export const WEBRTC_SAMPLING_EVENT = 'rebound:webrtc-sampling';

/**
 * An interval's audio level (root mean square, 0–1 of full scale, in thousandths) at or above
 * which a side counts as speaking: about -40 dBov, well above comfort noise and line hiss
 * (-60 dBov and lower) and well below speech (-30 to -15 dBov).
 */
export const SPEAKING_LEVEL = 10;

/**
 * Whether a sample's level is a side speaking, given that side's level in the sample before.
 * The browser's meter (libwebrtc's AudioLevel, behind `totalAudioEnergy`) is no true RMS: every
 * eleven 10 ms frames it takes the peak of those frames, holds it for the next eleven, and divides
 * it by four; so after a side stops, its level fades by four per ~110 ms block. A sample under a
 * quarter of the one before holds at most that fade (a quarter-second sample right after a whole
 * one of speech measures 0.17 of it), so it says where the speech was, not that it went on.
 */
export function isSpeech(level: number, before: number): boolean {
  return level >= SPEAKING_LEVEL && level * 4 >= before;
}

export type WebrtcCallNotice =
  | {
      kind: 'started' | 'ended';
      /** Unique to the connection: a per-frame random prefix and a counter. */
      id: string;
    }
  | {
      /** One sampling interval (about a second) of a live connection: levels, never audio. */
      kind: 'talk';
      id: string;
      /** 1 when the rep's microphone (media-source) was at or above SPEAKING_LEVEL. */
      r: 0 | 1;
      /** 1 when the other side (inbound-rtp, as played) was. */
      o: 0 | 1;
      /** Levels over the interval in thousandths of full scale. Sent only when both sides' audio is visible. */
      rl: number;
      ol: number;
      /**
       * Where the interval's speech ended, when someone spoke: the last sample with speech ended
       * `q` ms before this notice, lasted `sd` ms, and measured `sl` (its loudest speaking side).
       */
      q?: number;
      sl?: number;
      sd?: number;
    };
