/**
 * Which senders the prefilter stops reading for a while: a frame that has posted at least
 * `CHATTER_PER_SECOND` messages in each of the last `CHATTER_SECONDS` whole seconds and never one
 * of a dialer's kinds (a chat widget's typing and presence feed, an analytics beacon). Counting a
 * message needs only its sender and time, not a read of `event.data`, which costs the page's
 * script time on every message. Dialer protocols post a few messages a call: a sender that ever
 * posted a dialer's kind is read always, and one whose pace drops below the mark is read again
 * from its next second.
 */
export const CHATTER_PER_SECOND = 50;
export const CHATTER_SECONDS = 3;

interface Pace {
  /** The whole second (of the page's clock) being counted. */
  second: number;
  count: number;
  /** Whole seconds in a row, just before `second`, at or above the mark. */
  busySeconds: number;
  dialer: boolean;
}

export interface ChatterPace {
  /** Counts a message from `sender` at `timeStamp` (ms); true when it should not be read. */
  skip(sender: object, timeStamp: number): boolean;
  /** `sender` posted a dialer's kind: never skipped again. */
  heardDialer(sender: object): void;
}

export function chatterPace(): ChatterPace {
  const paces = new WeakMap<object, Pace>();
  return {
    skip(sender, timeStamp) {
      const second = Math.floor(timeStamp / 1000);
      let pace = paces.get(sender);
      if (pace === undefined) {
        pace = { second, count: 0, busySeconds: 0, dialer: false };
        paces.set(sender, pace);
      } else if (pace.second !== second) {
        const busyInARow = pace.second === second - 1 && pace.count >= CHATTER_PER_SECOND;
        pace.busySeconds = busyInARow ? pace.busySeconds + 1 : 0;
        pace.second = second;
        pace.count = 0;
      }
      pace.count += 1;
      return !pace.dialer && pace.busySeconds >= CHATTER_SECONDS;
    },
    heardDialer(sender) {
      const pace = paces.get(sender);
      if (pace) pace.dialer = true;
    },
  };
}
