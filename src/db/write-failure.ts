import { sessionSlot } from '../platform/session-store';

/**
 * Set by the background when ended calls could not be written (quota, a broken database) and
 * cleared by the next successful write; the popup shows it. The calls themselves wait in
 * storage.session until then.
 */
export interface WriteFailure {
  message: string;
  at: number;
  /** Calls waiting to be written. */
  waiting: number;
}

export const WRITE_FAILURE_KEY = 'writeFailure';
export const writeFailureSlot = () => sessionSlot<WriteFailure>(WRITE_FAILURE_KEY);
