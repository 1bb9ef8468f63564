// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SnoozeControl } from '../../src/popup/SnoozeControl';
import { readSnooze, snooze } from '../../src/snooze/snooze-store';

const NOW = new Date(2026, 10, 25, 14, 0).getTime();
const now = () => NOW;

afterEach(cleanup);

describe('SnoozeControl', () => {
  it('snoozes nudges for an hour', async () => {
    render(<SnoozeControl now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: '1 hour' }));
    expect(await screen.findByText(/Nudges snoozed until/)).toBeTruthy();
    expect(await readSnooze()).toBe(NOW + 3_600_000);
  });

  it('shows a running snooze and ends it', async () => {
    await snooze('today', NOW);
    render(<SnoozeControl now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Resume nudges' }));
    expect(await screen.findByRole('button', { name: 'Rest of today' })).toBeTruthy();
    expect(await readSnooze()).toBeUndefined();
  });

  it('draws the snooze home read with its first screen at once, without reading it again', () => {
    // Storage holds no snooze: what shows can only come from the first screen's read.
    render(<SnoozeControl now={now} first={{ until: NOW + 3_600_000 }} />);
    expect(screen.getByText(/Nudges snoozed until/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resume nudges' })).toBeTruthy();
  });

  it('treats a snooze that has ended as none', async () => {
    await snooze('30m', NOW - 31 * 60_000);
    render(<SnoozeControl now={now} />);
    expect(await screen.findByRole('button', { name: '30 min' })).toBeTruthy();
    expect(screen.queryByText(/Nudges snoozed until/)).toBeNull();
  });
});
