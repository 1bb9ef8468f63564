/**
 * The channel between the MAIN-world message prefilter and the content script's frame messages.
 * Everything on it is a short JSON string on a CustomEvent of the document: the page can read and
 * forge it like anything in its DOM, so the content script parses each detail against the
 * dialer's schema and treats it as a claim, never a fact.
 */

/** Prefilter → content script: a message a nested frame posted whose kind a dialer takes. */
export const FRAME_MESSAGE_EVENT = 'rebound:frame-message';
/** Content script → prefilter: the kinds to pass on (`MessageGates` as JSON); they only add up. */
export const MESSAGE_GATES_EVENT = 'rebound:message-gates';
/** Prefilter → content script: it started after the gates were sent, so send them again. */
export const PREFILTER_READY_EVENT = 'rebound:prefilter-ready';

/** The longest message passed on, as JSON: a dialer's call event is a few hundred characters. */
export const MAX_FORWARDED_LENGTH = 16_384;

/** The property that names a message's kind → the kinds a dialer takes (HubSpot: `type` → …). */
export type MessageGates = Record<string, Array<string | number | boolean | null>>;
