import type { CallSignal } from '../messages/call-signal';
import { type SessionSlot, sessionSlot } from '../platform/session-store';

/*
 * What the detector saw in each tab over the last minutes, kept by the background in
 * storage.session for "Rebound missed a call". Only what Rebound itself did: which adapters ran
 * in which frame, the kinds of signal they sent, what was dropped and why. Never a message's
 * body, a number or a name: nothing here comes from the page but the site's host.
 */

export const TRAIL_WINDOW_MS = 15 * 60_000;
/** Per tab and site: a busy hour of calls fits, a page flooding messages does not grow it. */
export const MAX_TRAIL_ENTRIES = 120;
/** Tabs and sites kept at once; the least recently seen goes first. */
export const MAX_TRAILS = 20;

export type TrailEntry =
  /** The detector started in a frame (0 is the tab's top page) with these adapters. */
  | { kind: 'adapters'; at: number; frameId: number; adapters: string[] }
  | { kind: 'signal'; at: number; frameId: number; source: string; signal: CallSignal['kind'] }
  /** `count` drops in a row for the same reason, the last at `at`. */
  | { kind: 'dropped'; at: number; frameId?: number; reason: string; count: number };

export interface TabTrail {
  tabId: number;
  host: string;
  /** Oldest first. */
  entries: TrailEntry[];
}

/** Keyed by `<tabId>@<host>`: a tab that moves to another site starts another trail. */
export type DetectorTrails = Record<string, TabTrail>;

export const DETECTOR_TRAILS_KEY = 'detectorTrails';
export const detectorTrailsSlot = (): SessionSlot<DetectorTrails> => sessionSlot<DetectorTrails>(DETECTOR_TRAILS_KEY);

export interface TrailEvent {
  tabId: number;
  host: string;
  entry: TrailEntry;
}

/** Adds events to the trails, then keeps only the window and the bounds. Pure: returns new trails. */
export function addToTrails(trails: DetectorTrails, events: readonly TrailEvent[], now: number): DetectorTrails {
  const next: DetectorTrails = {};
  for (const [key, trail] of Object.entries(trails)) next[key] = { ...trail, entries: [...trail.entries] };
  for (const { tabId, host, entry } of events) {
    const key = `${tabId}@${host}`;
    const trail = next[key] ?? { tabId, host, entries: [] };
    next[key] = trail;
    const last = trail.entries.at(-1);
    // A flood of one kind of drop is one line with a count, so it cannot push out what came before.
    if (
      entry.kind === 'dropped' &&
      last?.kind === 'dropped' &&
      last.reason === entry.reason &&
      last.frameId === entry.frameId
    ) {
      trail.entries[trail.entries.length - 1] = { ...last, at: entry.at, count: last.count + entry.count };
    } else {
      trail.entries.push(entry);
    }
  }
  return pruneTrails(next, now);
}

/** Drops entries older than the window, trails left empty, and the oldest trails beyond the bound. */
export function pruneTrails(trails: DetectorTrails, now: number): DetectorTrails {
  const kept = Object.entries(trails)
    .map(([key, trail]) => {
      const fresh = trail.entries.filter((entry) => now - entry.at <= TRAIL_WINDOW_MS);
      return [key, { ...trail, entries: fresh.slice(-MAX_TRAIL_ENTRIES) }] as const;
    })
    .filter(([, trail]) => trail.entries.length > 0)
    .sort(([, a], [, b]) => lastSeen(b) - lastSeen(a))
    .slice(0, MAX_TRAILS);
  return Object.fromEntries(kept);
}

function lastSeen(trail: TabTrail): number {
  return trail.entries.at(-1)?.at ?? 0;
}

/** The sites that have a trail now, the most recently seen first. */
export function trailSites(trails: DetectorTrails | undefined, now: number): string[] {
  const fresh = Object.values(pruneTrails(trails ?? {}, now));
  return [...new Set(fresh.map((trail) => trail.host))];
}

/** The trails of one site (one per tab it is open in), within the window. */
export function trailsFor(trails: DetectorTrails | undefined, host: string, now: number): TabTrail[] {
  return Object.values(pruneTrails(trails ?? {}, now)).filter((trail) => trail.host === host);
}
