// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OfferedNudge } from '../../../src/calls/offered-nudge';
import { homeReader } from '../../../src/db/home-reader';
import { type CallRecord, openReboundDb, type ReboundDb } from '../../../src/db/schema';
import type { WriteFailure } from '../../../src/db/write-failure';
import type { PendingFollowUp } from '../../../src/follow-ups/pending-follow-up';
import { App, type FollowUpActions } from '../../../src/popup/App';
import type { RoutineDraft } from '../../../src/routine/draft';
import type { PendingRoutine } from '../../../src/routine/pending-routine';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { memorySlot } from './memory-slot';

let db: ReboundDb;
let dbCount = 0;
let uniqueIds = 0;
const NOW = new Date(2026, 10, 25, 15, 0).getTime();

beforeEach(() => {
  db = openReboundDb(`app-test-${dbCount++}`);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

const call = (overrides: Partial<CallRecord> = {}): Omit<CallRecord, 'id'> => ({
  callKey: `hubspot:${Math.random()}`,
  source: 'hubspot',
  host: 'app.hubspot.com',
  endedAt: NOW - 60_000,
  durationMs: 95_000,
  outcome: 'completed',
  endReason: 'hang-up',
  tags: [],
  ...overrides,
});

function renderApp(
  options: {
    draft?: RoutineDraft;
    pendingFollowUp?: PendingFollowUp;
    pendingRoutine?: PendingRoutine;
    live?: string[];
    whyISell?: string;
    offeredNudge?: OfferedNudge;
    activeTabHost?: string;
  } = {},
) {
  const routineDraft = memorySlot<RoutineDraft>(options.draft);
  const offeredNudge = memorySlot<OfferedNudge>(options.offeredNudge);
  const followUps: FollowUpActions = {
    schedule: vi.fn(async () => undefined),
    done: vi.fn(async (id: number) => {
      await db.followUps.update(id, { doneAt: NOW });
    }),
    snooze: vi.fn(async () => undefined),
    downloadIcs: vi.fn(),
  };
  const saveWhyISell = vi.fn(async () => undefined);
  let live = options.live ?? [];
  const watchers = new Set<() => void>();
  render(
    <App
      openDb={async () => db}
      reader={homeReader(() => db.open(), db.name)}
      pendingRoutine={memorySlot<PendingRoutine>(options.pendingRoutine)}
      writeFailure={memorySlot<WriteFailure>()}
      pendingFollowUp={memorySlot<PendingFollowUp>(options.pendingFollowUp)}
      routineDraft={routineDraft}
      loadSettings={async () => ({ ...DEFAULT_SETTINGS, breathSeconds: 3, whyISell: options.whyISell ?? '' })}
      saveWhyISell={saveWhyISell}
      liveCallSources={async () => live}
      watchLiveCalls={(onChange) => {
        watchers.add(onChange);
        return () => watchers.delete(onChange);
      }}
      followUps={followUps}
      notifyHistoryChanged={async () => undefined}
      openOptions={vi.fn()}
      activeTabHost={async () => options.activeTabHost}
      uniqueId={() => `unique-${++uniqueIds}`}
      now={() => NOW}
      offeredNudge={offeredNudge}
    />,
  );
  const setLive = (sources: string[]) => {
    live = sources;
    for (const onChange of watchers) onChange();
  };
  return { routineDraft, followUps, saveWhyISell, setLive, offeredNudge };
}

const offerFor = (callKey: string): OfferedNudge => ({
  call: {
    callKey,
    tabId: 3,
    host: 'app.hubspot.com',
    source: 'hubspot',
    endedAt: NOW - 60_000,
    durationMs: 95_000,
    outcome: 'completed',
    endReason: 'hang-up',
  },
});

describe('a nudge held when the browser quit', () => {
  it('is offered on the home screen, opens the after-call routine on its call, and goes once answered', async () => {
    await db.calls.add(call({ callKey: 'hubspot:held' }) as CallRecord);
    const { offeredNudge } = renderApp({ offeredNudge: offerFor('hubspot:held') });
    const card = await screen.findByTestId('offered-nudge');
    expect(card.textContent).toContain('How did that one go?');
    expect(card.textContent).toContain('HubSpot calling · 1:35');
    fireEvent.click(within(card).getByRole('button', { name: 'Reset after this call' }));
    // The routine is a lazy screen: its first import (transformed on the fly here) can take over a second on a busy machine.
    await screen.findByRole('button', { name: 'Tough' }, { timeout: 8000 });
    await waitFor(() => expect(offeredNudge.value).toBeUndefined());
  });

  it('"Not now" waves it off; a call rated since, or too old, is not asked about', async () => {
    await db.calls.add(call({ callKey: 'hubspot:held' }) as CallRecord);
    const first = renderApp({ offeredNudge: offerFor('hubspot:held') });
    fireEvent.click(within(await screen.findByTestId('offered-nudge')).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByTestId('offered-nudge')).toBeNull());
    expect(first.offeredNudge.value).toBeUndefined();
    cleanup();

    await db.calls.add(call({ callKey: 'hubspot:rated', rating: 'fine' }) as CallRecord);
    const second = renderApp({ offeredNudge: offerFor('hubspot:rated') });
    await screen.findByTestId('today');
    await waitFor(() => expect(second.offeredNudge.value).toBeUndefined());
    expect(screen.queryByTestId('offered-nudge')).toBeNull();
    cleanup();

    // A call from yesterday: the moment has passed.
    await db.calls.add(call({ callKey: 'hubspot:yesterday', endedAt: NOW - 13 * 60 * 60 * 1000 }) as CallRecord);
    const stale = offerFor('hubspot:yesterday');
    stale.call.endedAt = NOW - 13 * 60 * 60 * 1000;
    const third = renderApp({ offeredNudge: stale });
    await screen.findByTestId('today');
    await waitFor(() => expect(third.offeredNudge.value).toBeUndefined());
    expect(screen.queryByTestId('offered-nudge')).toBeNull();
  });
});

describe('popup home', () => {
  it("shows today's numbers from today's rows only, and On a call when one is live", async () => {
    await db.calls.bulkAdd([
      call({ rating: 'tough' }),
      call({ rating: 'fine' }),
      call({ rating: 'tough', endedAt: NOW - 2 * 24 * 60 * 60 * 1000 }),
    ] as CallRecord[]);
    await db.resets.add({ kind: 'quick', startedAt: NOW - 1000, completedAt: NOW, steps: [] } as never);
    renderApp({ live: ['hubspot'] });
    const today = await screen.findByTestId('today');
    expect(today.textContent).toMatch(/Calls\s*2\s*Tough\s*1\s*Resets\s*1/);
    expect(screen.getByTestId('on-a-call').textContent).toBe('On a call in HubSpot calling');
    expect((await screen.findByTestId('last-call')).textContent).toContain('HubSpot calling · 1:35');
  });

  it('shows On a call as soon as one starts, and drops it when it ends', async () => {
    const { setLive } = renderApp();
    await screen.findByTestId('today');
    expect(screen.queryByTestId('on-a-call')).toBeNull();
    act(() => setLive(['hubspot', 'aircall']));
    expect((await screen.findByTestId('on-a-call')).textContent).toBe('On a call in HubSpot calling, Aircall');
    await screen.findByTestId('on-a-call');
    act(() => setLive([]));
    await waitFor(() => expect(screen.queryByTestId('on-a-call')).toBeNull());
  });

  it('opens straight on the breath when the quick-reset shortcut asked for it', async () => {
    renderApp({ pendingRoutine: { kind: 'quick', requestedAt: NOW - 1000 } });
    await screen.findByRole('heading', { name: 'Breathe' });
  });

  it('opens the after-call routine a nudge asked for, on its call', async () => {
    const id = await db.calls.add(call({ callKey: 'hubspot:nudged' }) as CallRecord);
    renderApp({ pendingRoutine: { kind: 'after-call', callKey: 'hubspot:nudged', requestedAt: NOW - 1000 } });
    await screen.findByRole('heading', { name: 'How did that one go?' });
    fireEvent.click(screen.getByRole('button', { name: 'Fine' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(async () => expect((await db.calls.get(id))?.rating).toBe('fine'));
  });

  it('starts Went quiet and Prep', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Went quiet' }));
    await screen.findByRole('heading', { name: 'A no is fine' });
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Prep a call back' }));
    await screen.findByRole('heading', { name: 'The fact to state' });
  });

  it('lists open follow-ups, marks one done, snoozes another, focuses the one a notification opened', async () => {
    const first = await db.followUps.add({ who: 'Dana', dueAt: NOW - 1000 } as never);
    const second = await db.followUps.add({ who: 'Lee', dueAt: NOW + 1000, note: 'Pricing' } as never);
    await db.followUps.add({ who: 'Done already', dueAt: NOW, doneAt: NOW } as never);
    const { followUps } = renderApp({ pendingFollowUp: { id: second, requestedAt: NOW } });
    const list = await screen.findByTestId('follow-ups');
    expect(list.textContent).toContain('Dana');
    expect(list.textContent).toContain('Lee');
    expect(list.textContent).not.toContain('Done already');
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Lee'));
    const [doneDana] = screen.getAllByRole('button', { name: 'Done' });
    fireEvent.click(doneDana as HTMLElement);
    await waitFor(() => expect(screen.getByTestId('follow-ups').textContent).not.toContain('Dana'));
    expect(followUps.done).toHaveBeenCalledWith(first);
    fireEvent.click(screen.getByRole('button', { name: 'Remind me in an hour' }));
    expect(followUps.snooze).toHaveBeenCalledWith(second);
  });
});

describe('drafts', () => {
  const draft: RoutineDraft = {
    kind: 'prep',
    startedAt: NOW - 5000,
    stepIds: ['tell-the-truth', 'ask-the-hard-question', 'role-play'],
    index: 1,
    done: ['tell-the-truth'],
    answers: { notes: { 'tell-the-truth': 'The 14th', 'ask-the-hard-question': 'Still a priori' } },
    savedAt: NOW - 1000,
  };

  it('offers a routine left mid-way, and picks it up where it was', async () => {
    renderApp({ draft });
    const card = await screen.findByTestId('draft');
    expect(card.textContent).toContain('Prep a call back · step 2 of 3');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'The question to ask' });
    expect((screen.getByLabelText('Your question') as HTMLTextAreaElement).value).toBe('Still a priori');
  });

  it('lets it go on request', async () => {
    const { routineDraft } = renderApp({ draft });
    fireEvent.click(await screen.findByRole('button', { name: 'Let it go' }));
    await waitFor(() => expect(screen.queryByTestId('draft')).toBeNull());
    expect(routineDraft.value).toBeUndefined();
  });

  it('does not offer a stale one', async () => {
    renderApp({ draft: { ...draft, savedAt: NOW - 13 * 60 * 60 * 1000 } });
    await screen.findByTestId('today');
    expect(screen.queryByTestId('draft')).toBeNull();
  });

  it('clears the draft, records the reset and keeps a new why-I-sell line when the routine ends', async () => {
    const id = await db.calls.add(call({ rating: 'tough' }) as CallRecord);
    const { routineDraft, saveWhyISell } = renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Reset after this call' }));
    await screen.findByRole('heading', { name: 'Breathe' });
    for (const heading of [
      'Throw it away',
      'What was it really about?',
      'One thing to keep',
      'Anything to follow up?',
      'Ready for the next one',
    ]) {
      fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
      await screen.findByRole('heading', { name: heading });
    }
    await waitFor(() => expect(routineDraft.value?.index).toBe(5));
    fireEvent.input(screen.getByLabelText(/Why do you sell/), { target: { value: 'Clinics run better' } });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('button', { name: 'Quick reset' });
    const [reset] = await db.resets.toArray();
    expect(reset).toMatchObject({ kind: 'after-call', callId: id, steps: ['positive', 'belief'] });
    expect(routineDraft.value).toBeUndefined();
    expect(saveWhyISell).toHaveBeenCalledWith('Clinics run better');
  });
});

describe('calls logged by hand', () => {
  it('"I just had a call" records a manual call with the chosen place and length, then runs its routine', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'I just had a call' }));
    const title = await screen.findByRole('heading', { name: 'I just had a call' });
    expect(document.activeElement).toBe(title);
    fireEvent.click(screen.getByRole('radio', { name: 'Desk phone' }));
    fireEvent.click(screen.getByRole('radio', { name: 'about 15 min' }));
    expect((screen.getByLabelText('Length in minutes') as HTMLInputElement).value).toBe('15');
    fireEvent.click(screen.getByRole('button', { name: 'Save and reset' }));
    await screen.findByRole('heading', { name: 'How did that one go?' });
    const [stored] = await db.calls.toArray();
    expect(stored).toMatchObject({
      source: 'manual',
      device: 'desk',
      durationMs: 15 * 60_000,
      startedAt: NOW - 15 * 60_000,
      endedAt: NOW,
      outcome: 'completed',
    });
    expect(stored?.missed).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Tough' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(async () => expect((await db.calls.get(stored?.id ?? 0))?.rating).toBe('tough'));
  });

  it('takes a typed length, and refuses an impossible one with a message naming the field', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'I just had a call' }));
    const field = (await screen.findByLabelText('Length in minutes')) as HTMLInputElement;
    for (const [typed, message] of [
      ['-3', "Length in minutes: it can't be less than 0."],
      ['800', 'Length in minutes: at most 720 (12 hours).'],
      ['ten', 'Length in minutes: type a number, like 12.'],
    ] as const) {
      fireEvent.input(field, { target: { value: typed } });
      fireEvent.click(screen.getByRole('button', { name: 'Save and reset' }));
      expect((await screen.findByRole('alert')).textContent).toBe(message);
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(field);
    }
    expect(await db.calls.count()).toBe(0);
    fireEvent.input(field, { target: { value: '7,5' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save and reset' }));
    await screen.findByRole('heading', { name: 'How did that one go?' });
    expect((await db.calls.toArray())[0]).toMatchObject({ source: 'manual', durationMs: 450_000 });
  });

  it('with no length or place given, records a call of unknown length', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'I just had a call' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save and reset' }));
    await screen.findByRole('heading', { name: 'How did that one go?' });
    const [stored] = await db.calls.toArray();
    expect(stored).toMatchObject({ source: 'manual', host: '', endedAt: NOW });
    expect(stored?.durationMs).toBeUndefined();
    expect(stored?.device).toBeUndefined();
  });

  it('Esc and Back leave the form without recording anything', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'I just had a call' }));
    fireEvent.keyDown(await screen.findByRole('heading', { name: 'I just had a call' }), { key: 'Escape' });
    fireEvent.click(await screen.findByRole('button', { name: 'I just had a call' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Back' }));
    await screen.findByRole('button', { name: 'Quick reset' });
    expect(await db.calls.count()).toBe(0);
  });

  it('"Missed a call" records, in one tap, a manual call marked missed on the active site and opens its routine', async () => {
    renderApp({ activeTabHost: 'crm.acme.example' });
    fireEvent.click(await screen.findByRole('button', { name: 'Missed a call' }));
    await screen.findByRole('heading', { name: 'How did that one go?' });
    expect(await db.calls.toArray()).toMatchObject([
      { source: 'manual', missed: true, host: 'crm.acme.example', outcome: 'unknown', endedAt: NOW },
    ]);
  });

  it('"Missed a call" tapped twice in a row records one call', async () => {
    renderApp({ activeTabHost: 'crm.acme.example' });
    const button = await screen.findByRole('button', { name: 'Missed a call' });
    fireEvent.click(button);
    fireEvent.click(button);
    await screen.findByRole('heading', { name: 'How did that one go?' });
    expect(await db.calls.count()).toBe(1);
  });

  it('shows the last call logged by hand by its origin', async () => {
    await db.calls.add(call({ source: 'manual', device: 'mobile', missed: true, durationMs: 300_000 }) as CallRecord);
    renderApp();
    expect((await screen.findByTestId('last-call')).textContent).toContain(
      'Logged by hand · Mobile · Rebound missed it · 5:00',
    );
  });
});
