/**
 * The one channel between the MAIN-world WebRTC hook and the isolated-world content script:
 * a CustomEvent on the document whose detail is one short line of text (objects do not cross
 * worlds; see `writeNotice`). The page can read and forge it like anything in its DOM, so the
 * content script reads every detail with `readNotice`, which takes only the exact shape, and
 * treats it as a claim, not a fact.
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

export type WebrtcCallNotice = EdgeNotice | TalkNotice;
type EdgeNotice = {
  kind: 'started' | 'ended';
  /** Unique to the connection: a per-frame random prefix and a counter. */
  id: string;
};
type TalkNotice = {
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
   * All three or none.
   */
  q?: number;
  sl?: number;
  sd?: number;
};

/** The longest line `writeNotice` makes is under 60 characters: anything longer is forged. */
const MAX_NOTICE_LENGTH = 100;

/**
 * A notice as it crosses, one line: `s <id>` started, `e <id>` ended, `t <id> <r> <o> <rl> <ol>`
 * a talk sample, and ` <q> <sl> <sd>` after it when someone spoke (the fields of `TalkNotice`).
 * A talk sample crosses every second of every call (four a second on an open line) and is read
 * in the content script while that code is still cold in a busy page: one regular expression
 * costs a small part of a JSON parse and a schema walk.
 */
export function writeNotice(kind: 's' | 'e', id: string): string;
export function writeNotice(
  kind: 't',
  id: string,
  r: 0 | 1,
  o: 0 | 1,
  rl: number,
  ol: number,
  ...speech: [] | [q: number, sl: number, sd: number]
): string;
export function writeNotice(kind: string, id: string, ...figures: number[]): string {
  return [kind, id, ...figures].join(' ');
}

/** Levels are thousandths of full scale; where the last speech was is told within two reports. */
const MAX_LEVEL = 1000;
const MAX_SPEECH_MS = 2000;
const NOTICE_LINE =
  /^(?:([se]) ([a-z0-9]{1,16}-\d{1,9})|t ([a-z0-9]{1,16}-\d{1,9}) ([01]) ([01]) (\d{1,4}) (\d{1,4})(?: (\d{1,4}) (\d{1,4}) (\d{1,4}))?)$/;

/** The notice a detail holds, or undefined for anything not exactly what `writeNotice` makes. */
export function readNotice(detail: unknown): WebrtcCallNotice | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_NOTICE_LENGTH) return undefined;
  const match = NOTICE_LINE.exec(detail);
  if (!match) return undefined;
  const [, edge, edgeId, id, r, o, rl, ol, q, sl, sd] = match;
  if (edge && edgeId) return { kind: edge === 's' ? 'started' : 'ended', id: edgeId };
  if (!id) return undefined;
  const notice: TalkNotice = {
    kind: 'talk',
    id,
    r: r === '1' ? 1 : 0,
    o: o === '1' ? 1 : 0,
    rl: Number(rl),
    ol: Number(ol),
  };
  if (notice.rl > MAX_LEVEL || notice.ol > MAX_LEVEL) return undefined;
  if (q === undefined || sl === undefined || sd === undefined) return notice;
  notice.q = Number(q);
  notice.sl = Number(sl);
  notice.sd = Number(sd);
  if (notice.q > MAX_SPEECH_MS || notice.sl > MAX_LEVEL || notice.sd < 1 || notice.sd > MAX_SPEECH_MS) return undefined;
  return notice;
}
