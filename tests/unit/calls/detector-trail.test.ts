import { describe, expect, it } from 'vitest';
import { detectorReport, detectorReportFilename } from '../../../src/calls/detector-report';
import {
  addToTrails,
  type DetectorTrails,
  MAX_TRAIL_ENTRIES,
  MAX_TRAILS,
  TRAIL_WINDOW_MS,
  type TrailEntry,
  type TrailEvent,
  trailSites,
  trailsFor,
} from '../../../src/calls/detector-trail';

const NOW = Date.UTC(2026, 10, 25, 15, 0);
const MIN = 60_000;

const signal = (at: number, tabId = 7, host = 'crm.acme.example'): TrailEvent => ({
  tabId,
  host,
  entry: { kind: 'signal', at, frameId: 0, source: 'ringcentral', signal: 'ended' },
});
const drop = (at: number, reason = 'unrecognised-message', count = 1, frameId = 3): TrailEvent => ({
  tabId: 7,
  host: 'crm.acme.example',
  entry: { kind: 'dropped', at, frameId, reason, count },
});

describe('the detector trail', () => {
  it('keeps one trail per tab and site, oldest entry first', () => {
    const trails = addToTrails(
      {},
      [
        {
          tabId: 7,
          host: 'crm.acme.example',
          entry: { kind: 'adapters', at: NOW - 2000, frameId: 0, adapters: ['hubspot'] },
        },
        signal(NOW - 1000),
        signal(NOW - 500, 8),
        signal(NOW, 7, 'other.example'),
      ],
      NOW,
    );
    expect(Object.keys(trails).sort()).toEqual(['7@crm.acme.example', '7@other.example', '8@crm.acme.example']);
    expect(trails['7@crm.acme.example']?.entries.map((entry) => entry.kind)).toEqual(['adapters', 'signal']);
    expect(trailSites(trails, NOW)).toEqual(['other.example', 'crm.acme.example']);
    expect(
      trailsFor(trails, 'crm.acme.example', NOW)
        .map((trail) => trail.tabId)
        .sort(),
    ).toEqual([7, 8]);
  });

  it('forgets what is older than 15 minutes, and trails left empty', () => {
    const old = addToTrails({}, [signal(NOW - TRAIL_WINDOW_MS - 1), signal(NOW - 10 * MIN, 8)], NOW - 10 * MIN);
    const trails = addToTrails(old, [signal(NOW)], NOW);
    expect(trails['7@crm.acme.example']?.entries).toHaveLength(1);
    expect(trails['8@crm.acme.example']?.entries).toHaveLength(1);
    expect(addToTrails(trails, [], NOW + TRAIL_WINDOW_MS + 1)).toEqual({});
  });

  it('folds a run of the same drop into one line with its count, so a flood keeps what came before', () => {
    let trails: DetectorTrails = addToTrails({}, [signal(NOW - 5000)], NOW);
    for (let i = 0; i < 1000; i++) trails = addToTrails(trails, [drop(NOW - 4000 + i)], NOW);
    trails = addToTrails(trails, [drop(NOW - 100, 'unrecognised-message', 30)], NOW);
    trails = addToTrails(trails, [drop(NOW, 'call-signal over the rate limit')], NOW);
    expect(trails['7@crm.acme.example']?.entries).toEqual<TrailEntry[]>([
      { kind: 'signal', at: NOW - 5000, frameId: 0, source: 'ringcentral', signal: 'ended' },
      { kind: 'dropped', at: NOW - 100, frameId: 3, reason: 'unrecognised-message', count: 1030 },
      { kind: 'dropped', at: NOW, frameId: 3, reason: 'call-signal over the rate limit', count: 1 },
    ]);
  });

  it('is bounded: the newest entries per trail, the most recently seen trails', () => {
    const many = Array.from({ length: 3 * MAX_TRAIL_ENTRIES }, (_, i) => signal(NOW - 3 * MAX_TRAIL_ENTRIES + i));
    const trail = addToTrails({}, many, NOW)['7@crm.acme.example'];
    expect(trail?.entries).toHaveLength(MAX_TRAIL_ENTRIES);
    expect(trail?.entries.at(-1)?.at).toBe(NOW - 1);
    const tabs = Array.from({ length: MAX_TRAILS + 5 }, (_, tab) => signal(NOW - 1000 + tab, tab));
    const trails = addToTrails({}, tabs, NOW);
    expect(Object.keys(trails)).toHaveLength(MAX_TRAILS);
    expect(trails['0@crm.acme.example']).toBeUndefined();
    expect(trails[`${MAX_TRAILS + 4}@crm.acme.example`]).toBeDefined();
    expect(JSON.stringify(addToTrails({}, [...many, ...tabs], NOW)).length).toBeLessThan(200_000);
  });

  it('does not change the trails it is given', () => {
    const trails = addToTrails({}, [signal(NOW - 1)], NOW);
    const copy = structuredClone(trails);
    addToTrails(trails, [signal(NOW), drop(NOW)], NOW);
    expect(trails).toEqual(copy);
  });
});

describe('the report', () => {
  it('lists each tab of the site with its entries, dated, and copies only the fields it names', () => {
    const trails = addToTrails(
      {},
      [
        {
          tabId: 9,
          host: 'crm.acme.example',
          entry: { kind: 'adapters', at: NOW - 60_000, frameId: 0, adapters: ['hubspot', 'webrtc'] },
        },
        signal(NOW - 2000),
        drop(NOW - 1000),
      ],
      NOW,
    );
    // Whatever a later build might add to an entry stays out of the file.
    (trails['7@crm.acme.example']?.entries[0] as unknown as Record<string, unknown>).body = '+1 415 555 0134';
    const report = detectorReport('crm.acme.example', trailsFor(trails, 'crm.acme.example', NOW), '0.1.0', NOW);
    expect(report).toEqual({
      format: 'rebound-detector-report',
      version: 1,
      savedAt: new Date(NOW).toISOString(),
      rebound: '0.1.0',
      site: 'crm.acme.example',
      windowMinutes: 15,
      tabs: [
        {
          entries: [
            { at: new Date(NOW - 60_000).toISOString(), frame: 0, what: 'adapters', adapters: ['hubspot', 'webrtc'] },
          ],
        },
        {
          entries: [
            {
              at: new Date(NOW - 2000).toISOString(),
              frame: 0,
              what: 'signal',
              source: 'ringcentral',
              signal: 'ended',
            },
            {
              at: new Date(NOW - 1000).toISOString(),
              frame: 3,
              what: 'dropped',
              reason: 'unrecognised-message',
              count: 1,
            },
          ],
        },
      ],
    });
    expect(JSON.stringify(report)).not.toContain('555');
  });

  it('is named after the site and the day, safe as a file name', () => {
    expect(detectorReportFilename('127.0.0.1:5173', new Date(2026, 10, 25, 9).getTime())).toBe(
      'rebound-report-127.0.0.1_5173-2026-11-25.json',
    );
  });
});
