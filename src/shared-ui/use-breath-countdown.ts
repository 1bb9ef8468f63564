import { useEffect, useRef, useState } from 'preact/hooks';
import { type BreathCue, type BreathPattern, breathPattern, cueAt } from '../routine/breath-pace';

/** Often enough that a cue changes on time; the count itself moves once a second. */
const TICK_MS = 200;

export interface BreathCountdown {
  pattern: BreathPattern;
  /** Whole seconds left, as the count shows them. */
  left: number;
  cue: BreathCue;
}

/**
 * A breath of `seconds` from the moment it mounts, paced as breath-pace says, calling `onDone`
 * once when it has run to its end. The toast's breath and the popup's share it; it reads the
 * monotonic clock, so a slow tick never stretches the breath.
 */
export function useBreathCountdown(seconds: number, onDone: () => void): BreathCountdown {
  const [elapsed, setElapsed] = useState(0);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    const startedAt = performance.now();
    const timer = setInterval(() => {
      const passed = Math.min(seconds, (performance.now() - startedAt) / 1000);
      setElapsed(passed);
      if (passed >= seconds) {
        clearInterval(timer);
        done.current();
      }
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [seconds]);

  const pattern = breathPattern(seconds);
  return { pattern, left: Math.max(0, seconds - Math.floor(elapsed)), cue: cueAt(pattern, elapsed) };
}
