// @vitest-environment happy-dom
/**
 * Home drawn from the stored snapshot, then the database's answer: the database wins, whatever
 * the snapshot said (a snapshot can at worst be a read behind).
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OfferedNudge } from '../../../src/calls/offered-nudge';
import type { HomeReader, HomeSnapshot } from '../../../src/db/home-reader';
import type { CallRecord } from '../../../src/db/schema';
import type { WriteFailure } from '../../../src/db/write-failure';
import type { PendingFollowUp } from '../../../src/follow-ups/pending-follow-up';
import { App } from '../../../src/popup/App';
import type { HistoryRead } from '../../../src/popup/Home';
import type { RoutineDraft } from '../../../src/routine/draft';
import type { PendingRoutine } from '../../../src/routine/pending-routine';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { memorySlot } from './memory-slot';

const NOW = new Date(2026, 10, 25, 15, 0).getTime();
afterEach(cleanup);

const lastCall = {
  id: 1,
  callKey: 'aircall:1',
  source: 'aircall',
  host: 'workspace.aircall.io',
  endedAt: NOW - 60_000,
  durationMs: 95_000,
  outcome: 'completed',
  endReason: 'hang-up',
  tags: [],
} as unknown as CallRecord;

const STORED: HomeSnapshot = {
  last: { call: lastCall, resetDone: false },
  today: { calls: 1, tough: 0, resets: 0 },
  followUps: [],
};
const EMPTY: HomeSnapshot = { last: null, today: { calls: 0, tough: 0, resets: 0 }, followUps: [] };

function renderWith(history: Promise<HistoryRead>) {
  const reader: HomeReader = {
    snapshot: vi.fn(async () => EMPTY),
    openFollowUps: vi.fn(async () => []),
    callByKey: vi.fn(async () => undefined),
  };
  render(
    <App
      openDb={() => new Promise(() => undefined)}
      reader={reader}
      firstScreen={Promise.resolve({ snapshot: STORED, live: [], snooze: {} })}
      history={history}
      pendingRoutine={memorySlot<PendingRoutine>()}
      writeFailure={memorySlot<WriteFailure>()}
      pendingFollowUp={memorySlot<PendingFollowUp>()}
      routineDraft={memorySlot<RoutineDraft>()}
      loadSettings={async () => DEFAULT_SETTINGS}
      saveWhyISell={async () => undefined}
      liveCallSources={async () => []}
      watchLiveCalls={() => () => undefined}
      followUps={{ schedule: vi.fn(), done: vi.fn(), snooze: vi.fn(), downloadIcs: vi.fn() }}
      notifyHistoryChanged={async () => undefined}
      openOptions={vi.fn()}
      activeTabHost={async () => undefined}
      uniqueId={() => 'unique'}
      now={() => NOW}
      offeredNudge={memorySlot<OfferedNudge>()}
    />,
  );
}

describe('home from a snapshot', () => {
  it('shows the snapshot first, then what the database holds', async () => {
    let answer: (read: HistoryRead) => void = () => undefined;
    renderWith(
      new Promise((resolve) => {
        answer = resolve;
      }),
    );
    const card = await screen.findByTestId('last-call');
    expect(card.textContent).toContain('Aircall');
    answer({ snapshot: EMPTY });
    await screen.findByText('No calls yet.', { exact: false });
    expect(screen.queryByTestId('last-call')).toBeNull();
  });

  it('says when the database could not confirm it', async () => {
    renderWith(Promise.resolve({ error: 'The database is broken' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The database is broken'));
  });
});
