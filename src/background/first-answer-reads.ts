/**
 * The storage a cold worker's first answer needs (a call's end: the live calls, the session
 * mark, the settings and the policy's copy, the snooze, the last nudge, the nudged tabs, the
 * short calls, the held nudge and the live calls' shadows), asked for in one storage.session
 * read and one storage.local read instead of a round trip each on the way to the toast.
 * index.ts imports this module first: the two reads start before the rest of the worker
 * (Dexie, the schemas) is evaluated.
 */
import { LIVE_CALLS_KEY } from '../calls/live-calls-state';
import { browser } from '../platform/browser';
import { firstReads } from '../platform/first-reads';
import { SETTINGS_LOCAL_KEYS } from '../settings/settings-store';
import { SNOOZE_KEY } from '../snooze/snooze-store';

export const SESSION_KEYS = {
  sessionMark: 'sessionStartedAt',
  lastNudgeAt: 'lastNudgeAt',
  nudgedCalls: 'nudgedCalls',
  shortCalls: 'shortCalls',
} as const;

export const LOCAL_KEYS = { heldNudge: 'heldNudge', shadows: 'liveCallShadows' } as const;

export const sessionReads = firstReads(
  browser.storage.session,
  'session',
  [LIVE_CALLS_KEY, ...Object.values(SESSION_KEYS)],
  browser.storage.onChanged,
);

export const localReads = firstReads(
  browser.storage.local,
  'local',
  [...SETTINGS_LOCAL_KEYS, SNOOZE_KEY, ...Object.values(LOCAL_KEYS)],
  browser.storage.onChanged,
);
