// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addToTrails, type DetectorTrails } from '../../../src/calls/detector-trail';
import { DetectorTrail } from '../../../src/options/sites/DetectorTrail';

const NOW = new Date(2026, 10, 25, 15, 0).getTime();
afterEach(cleanup);

const TRAILS = addToTrails(
  {},
  [
    {
      tabId: 7,
      host: '127.0.0.1:5000',
      entry: { kind: 'adapters', at: NOW - 90_000, frameId: 0, adapters: ['hubspot', 'webrtc'] },
    },
    {
      tabId: 7,
      host: '127.0.0.1:5000',
      entry: { kind: 'signal', at: NOW - 60_000, frameId: 2, source: 'ringcentral', signal: 'started' },
    },
    {
      tabId: 7,
      host: '127.0.0.1:5000',
      entry: { kind: 'dropped', at: NOW - 30_000, frameId: 2, reason: 'unrecognised-message', count: 4 },
    },
    {
      tabId: 7,
      host: '127.0.0.1:5000',
      entry: { kind: 'dropped', at: NOW - 20_000, reason: 'call-signal over the rate limit', count: 2 },
    },
    {
      tabId: 7,
      host: '127.0.0.1:5000',
      entry: {
        kind: 'dropped',
        at: NOW - 15_000,
        frameId: 0,
        reason: 'open-reset for a call not nudged here',
        count: 1,
      },
    },
    { tabId: 9, host: 'crm.acme.example', entry: { kind: 'adapters', at: NOW - 10_000, frameId: 0, adapters: [] } },
  ],
  NOW,
);

function renderTrail(trails: DetectorTrails | undefined) {
  const download = vi.fn();
  let changed: () => void = () => undefined;
  let current = trails;
  render(
    <DetectorTrail
      readTrails={async () => current}
      watchTrails={(onChange) => {
        changed = onChange;
        return () => undefined;
      }}
      download={download}
      version="0.1.0"
      now={() => NOW}
    />,
  );
  const update = (next: DetectorTrails) => {
    current = next;
    act(() => changed());
  };
  return { download, update };
}

describe('Options → Sites: what Rebound saw', () => {
  it('says so when there is nothing, and shows a trail as soon as one is written', async () => {
    const { update } = renderTrail(undefined);
    await screen.findByTestId('trail-empty');
    expect(screen.queryByRole('button', { name: 'Save a report' })).toBeNull();
    update(TRAILS);
    await screen.findByRole('list', { name: 'What Rebound saw on crm.acme.example' });
  });

  it('shows a site’s entries in words, per frame, and switches site', async () => {
    renderTrail(TRAILS);
    const site = (await screen.findByLabelText('Site')) as HTMLSelectElement;
    expect([...site.options].map((option) => option.value)).toEqual(['crm.acme.example', '127.0.0.1:5000']);
    expect(screen.getByTestId('trail').textContent).toContain('page: no dialer here to listen for');
    fireEvent.change(site, { target: { value: '127.0.0.1:5000' } });
    const list = await screen.findByRole('list', { name: 'What Rebound saw on 127.0.0.1:5000' });
    const lines = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent?.slice(item.querySelector('time')?.textContent?.length).trim());
    expect(lines).toEqual([
      'page: listening for HubSpot calling, Browser call',
      'frame 2: RingCentral: call started',
      "frame 2: let go: a dialer's message in a shape Rebound doesn't know (×4)",
      'let go: too many signals from this tab (×2)',
      'page: let go: open-reset for a call not nudged here (×1)',
    ]);
  });

  it('"Save a report" downloads the shown site’s trail as JSON', async () => {
    const { download } = renderTrail(TRAILS);
    fireEvent.change(await screen.findByLabelText('Site'), { target: { value: '127.0.0.1:5000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save a report' }));
    expect(download).toHaveBeenCalledOnce();
    const [blob, filename] = download.mock.calls[0] as [Blob, string];
    expect(filename).toBe('rebound-report-127.0.0.1_5000-2026-11-25.json');
    const report = JSON.parse(await blob.text());
    expect(report).toMatchObject({ format: 'rebound-detector-report', site: '127.0.0.1:5000', rebound: '0.1.0' });
    expect(report.tabs[0].entries).toHaveLength(5);
  });
});
