/**
 * The WebRTC hook's read of a connection's audio counters from a statistics report (page world,
 * dependency-free). Each entry read from a report is built as an object of all its fields
 * (an inbound-rtp entry has dozens), and a call's report holds a dozen entries or more, of which
 * two are audio. So the report is walked once, the audio entries' ids are kept, and the next
 * reports are read by those ids; it is walked again whenever the kept ids may be stale: one is
 * missing, or the report's size changed (a stream or a candidate came or went).
 */

/** The audio entries found by the last walk, and the size of the report they were found in. */
export interface AudioEntries {
  ids: readonly string[];
  size: number;
}

type Entry = Record<string, unknown>;

/** RTCStatsReport's own methods, taken when the hook starts: a page replacing them later changes nothing. */
export interface StatsReportMethods {
  forEach?: (this: RTCStatsReport, visit: (entry: Entry) => void) => void;
  get?: (this: RTCStatsReport, id: string) => Entry | undefined;
  /** The `size` getter. */
  size?: (this: RTCStatsReport) => number;
}

/**
 * Returns `read(stats, totals, kept)`: sums the report's audio counters into `totals[8..11]`
 * (the other side as played, `inbound-rtp`, at 8–9; the rep's microphone, `media-source`, at
 * 10–11; energy then seconds) and returns the entries to keep for the next report.
 */
export function audioStatsReader({ forEach, get, size }: StatsReportMethods) {
  let into: Float64Array | undefined;
  let found: string[] = [];
  /** Adds an audio entry's counters; false for any other entry. */
  const add = (entry: Entry | undefined): boolean => {
    const at = entry?.type === 'inbound-rtp' ? 8 : entry?.type === 'media-source' ? 10 : -1;
    if (!entry || at < 0 || entry.kind !== 'audio' || !into) return false;
    into[at] = (into[at] as number) + (Number(entry.totalAudioEnergy) || 0);
    into[at + 1] = (into[at + 1] as number) + (Number(entry.totalSamplesDuration) || 0);
    return true;
  };
  const visit = (entry: Entry): void => {
    if (add(entry)) found.push(String(entry.id));
  };
  const byKept = (stats: RTCStatsReport, kept: AudioEntries): boolean => {
    for (const id of kept.ids) if (!add(get?.call(stats, id))) return false;
    return true;
  };

  return (stats: RTCStatsReport, totals: Float64Array, kept: AudioEntries | undefined): AudioEntries | undefined => {
    totals.fill(0, 8);
    into = totals;
    const count = size ? size.call(stats) : -1;
    if (kept && kept.ids.length > 0 && get && count === kept.size && byKept(stats, kept)) {
      into = undefined;
      return kept;
    }
    totals.fill(0, 8);
    found = [];
    forEach?.call(stats, visit);
    into = undefined;
    return get && size ? { ids: found, size: count } : undefined;
  };
}
