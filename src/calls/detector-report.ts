import { type TabTrail, TRAIL_WINDOW_MS, type TrailEntry } from './detector-trail';

/*
 * "Save a report": the trail of one site as a JSON file the rep can attach to a bug report.
 * Built field by field from the trail, so nothing but what is listed here can reach the file.
 */

export const DETECTOR_REPORT_FORMAT = 'rebound-detector-report';
export const DETECTOR_REPORT_VERSION = 1;

type ReportEntry =
  | { at: string; frame: number; what: 'adapters'; adapters: string[] }
  | { at: string; frame: number; what: 'signal'; source: string; signal: string }
  | { at: string; frame?: number; what: 'dropped'; reason: string; count: number };

export interface DetectorReport {
  format: typeof DETECTOR_REPORT_FORMAT;
  version: typeof DETECTOR_REPORT_VERSION;
  savedAt: string;
  rebound: string;
  site: string;
  windowMinutes: number;
  /** One per tab the site was open in, in the order first seen; frame 0 is the tab's top page. */
  tabs: { entries: ReportEntry[] }[];
}

function reportEntry(entry: TrailEntry): ReportEntry {
  const at = new Date(entry.at).toISOString();
  switch (entry.kind) {
    case 'adapters':
      return { at, frame: entry.frameId, what: 'adapters', adapters: [...entry.adapters] };
    case 'signal':
      return { at, frame: entry.frameId, what: 'signal', source: entry.source, signal: entry.signal };
    case 'dropped':
      return { at, frame: entry.frameId, what: 'dropped', reason: entry.reason, count: entry.count };
  }
}

export function detectorReport(
  site: string,
  trails: readonly TabTrail[],
  rebound: string,
  now: number,
): DetectorReport {
  return {
    format: DETECTOR_REPORT_FORMAT,
    version: DETECTOR_REPORT_VERSION,
    savedAt: new Date(now).toISOString(),
    rebound,
    site,
    windowMinutes: TRAIL_WINDOW_MS / 60_000,
    tabs: [...trails]
      .sort((a, b) => (a.entries[0]?.at ?? 0) - (b.entries[0]?.at ?? 0))
      .map((trail) => ({ entries: trail.entries.map(reportEntry) })),
  };
}

/** `rebound-report-crm.acme.com-2026-11-25.json`, dated in local time; the host made file-safe. */
export function detectorReportFilename(site: string, now: number): string {
  const day = new Date(now);
  const date = [day.getFullYear(), day.getMonth() + 1, day.getDate()].map((n) => String(n).padStart(2, '0'));
  return `rebound-report-${site.replace(/[^a-z0-9.-]/gi, '_')}-${date.join('-')}.json`;
}
