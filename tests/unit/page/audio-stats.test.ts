import { describe, expect, it } from 'vitest';
import { type AudioEntries, audioStatsReader } from '../../../src/page/audio-stats';

type Entry = Record<string, unknown>;

/** A statistics report as a Map of entries, counting the entries the reader builds. */
class FakeReport extends Map<string, Entry> {
  built = 0;
}

const methods = {
  forEach(this: RTCStatsReport, visit: (entry: Entry) => void) {
    const report = this as unknown as FakeReport;
    for (const entry of report.values()) {
      report.built += 1;
      visit(entry);
    }
  },
  get(this: RTCStatsReport, id: string) {
    const report = this as unknown as FakeReport;
    const entry = report.get(id);
    if (entry) report.built += 1;
    return entry;
  },
  size(this: RTCStatsReport) {
    return (this as unknown as FakeReport).size;
  },
};

/** A call's report: its transport and candidates, the other side as played, the rep's microphone. */
function callReport(second: number, extra: Entry[] = []): FakeReport {
  const entries: Entry[] = [
    { id: 'T01', type: 'transport' },
    { id: 'CP1', type: 'candidate-pair' },
    { id: 'CO1', type: 'codec' },
    { id: 'IT1', type: 'inbound-rtp', kind: 'audio', totalAudioEnergy: 0.5 * second, totalSamplesDuration: second },
    { id: 'IV1', type: 'inbound-rtp', kind: 'video', totalAudioEnergy: 9, totalSamplesDuration: 9 },
    { id: 'SA1', type: 'media-source', kind: 'audio', totalAudioEnergy: 0.25 * second, totalSamplesDuration: second },
    ...extra,
  ];
  return new FakeReport(entries.map((entry) => [entry.id as string, entry]));
}

const asReport = (report: FakeReport) => report as unknown as RTCStatsReport;

describe('the WebRTC hook reading a connection’s audio counters', () => {
  it('walks the first report, then reads only the two audio entries by id, with the same sums', () => {
    const read = audioStatsReader(methods);
    const totals = new Float64Array(12);
    const first = callReport(1);
    const kept = read(asReport(first), totals, undefined);
    expect(first.built).toBe(6);
    expect(kept).toEqual({ ids: ['IT1', 'SA1'], size: 6 });
    const next = callReport(2);
    expect(read(asReport(next), totals, kept)).toBe(kept);
    expect(next.built).toBe(2);
    expect([...totals.slice(8)]).toEqual([1, 2, 0.5, 2]);
  });

  it('walks again when the report changed size: a new stream is counted at once', () => {
    const read = audioStatsReader(methods);
    const totals = new Float64Array(12);
    const kept = read(asReport(callReport(1)), totals, undefined);
    const stream = { id: 'IT2', type: 'inbound-rtp', kind: 'audio', totalAudioEnergy: 3, totalSamplesDuration: 1 };
    const grown = callReport(2, [stream]);
    const now = read(asReport(grown), totals, kept);
    expect(grown.built).toBe(7);
    expect(now).toEqual({ ids: ['IT1', 'SA1', 'IT2'], size: 7 });
    expect([...totals.slice(8)]).toEqual([4, 3, 0.5, 2]);
  });

  it('walks again when a kept entry is gone, without counting the entries read before it twice', () => {
    const read = audioStatsReader(methods);
    const totals = new Float64Array(12);
    const kept = read(asReport(callReport(1)), totals, undefined) as AudioEntries;
    // Same size, the microphone's entry replaced (a replaced track is a new media source).
    const replaced = callReport(2);
    replaced.delete('SA1');
    replaced.set('SA2', {
      id: 'SA2',
      type: 'media-source',
      kind: 'audio',
      totalAudioEnergy: 7,
      totalSamplesDuration: 2,
    });
    expect(read(asReport(replaced), totals, kept)).toEqual({ ids: ['IT1', 'SA2'], size: 6 });
    expect([...totals.slice(8)]).toEqual([1, 2, 7, 2]);
  });

  it('walks every report when nothing audio was found yet, or when get and size are not there', () => {
    const read = audioStatsReader(methods);
    const totals = new Float64Array(12);
    const silent = new FakeReport([['T01', { id: 'T01', type: 'transport' }]]);
    const kept = read(asReport(silent), totals, undefined);
    const again = new FakeReport([['T01', { id: 'T01', type: 'transport' }]]);
    read(asReport(again), totals, kept);
    expect(again.built).toBe(1);

    const walkOnly = audioStatsReader({ forEach: methods.forEach });
    expect(walkOnly(asReport(callReport(1)), totals, undefined)).toBeUndefined();
    const later = callReport(2);
    walkOnly(asReport(later), totals, undefined);
    expect(later.built).toBe(6);
    expect([...totals.slice(8)]).toEqual([1, 2, 0.5, 2]);
  });
});
