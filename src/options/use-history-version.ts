import { useEffect, useState } from 'preact/hooks';
import { HISTORY_CHANGED_KEY } from '../db/history-changed';
import { watchSessionKey } from '../platform/session-store';

/**
 * A number that moves on whenever the history changes elsewhere (a call lands, the popup saves
 * a reset): a view that reads the database lists it among its effect's inputs to read again.
 */
export function useHistoryVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => watchSessionKey(HISTORY_CHANGED_KEY, () => setVersion((current) => current + 1)), []);
  return version;
}
