// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CallRecord, openReboundDb, type ReboundDb } from '../../../src/db/schema';
import { Routine } from '../../../src/popup/Routine';
import type { RoutineDraft } from '../../../src/routine/draft';
import type { FinishedRoutine } from '../../../src/routine/reset-row';
import type { RoutineKind } from '../../../src/routine/routines';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { memorySlot } from './memory-slot';

let db: ReboundDb;
let dbCount = 0;

beforeEach(() => {
  db = openReboundDb(`routine-test-${dbCount++}`);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

const CALL: Omit<CallRecord, 'id'> = {
  callKey: 'hubspot:1',
  source: 'hubspot',
  host: 'app.hubspot.com',
  endedAt: 1000,
  durationMs: 60_000,
  outcome: 'completed',
  endReason: 'hang-up',
  tags: [],
};

function renderRoutine(kind: RoutineKind, options: { call?: CallRecord; resume?: RoutineDraft } = {}) {
  const draftSlot = memorySlot<RoutineDraft>();
  const onFinish = vi.fn(async (_run: FinishedRoutine) => undefined);
  const onLeave = vi.fn();
  const onRated = vi.fn();
  render(
    <Routine
      kind={kind}
      call={options.call}
      resume={options.resume}
      db={db}
      settings={{ ...DEFAULT_SETTINGS, breathSeconds: 3 }}
      draftSlot={draftSlot}
      now={() => 5000}
      saveFollowUp={vi.fn()}
      downloadIcs={vi.fn()}
      onFinish={onFinish}
      onRated={onRated}
      onLeave={onLeave}
    />,
  );
  return { draftSlot, onFinish, onLeave, onRated };
}

const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('Routine', () => {
  it('records the practices of the steps done, not of those skipped', async () => {
    const { onFinish } = renderRoutine('prep');
    expect(screen.getByText('Step 1 of 3')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('The fact, in one line'), { target: { value: 'New date: the 14th' } });
    click('Next');
    await screen.findByRole('heading', { name: 'The question to ask' });
    click('Skip');
    await screen.findByRole('heading', { name: 'Practise it with someone' });
    click('Done');
    await waitFor(() => expect(onFinish).toHaveBeenCalledOnce());
    expect(onFinish.mock.calls[0]?.[0]).toMatchObject({
      kind: 'prep',
      startedAt: 5000,
      done: ['tell-the-truth', 'role-play'],
      answers: { notes: { 'tell-the-truth': 'New date: the 14th' } },
    });
  });

  it('leaves on Escape', () => {
    const { onLeave } = renderRoutine('went-quiet');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(onLeave).toHaveBeenCalledOnce();
  });

  it('writes a draft on every change, and picks it up again', async () => {
    const { draftSlot } = renderRoutine('went-quiet');
    click('Next');
    await screen.findByRole('heading', { name: 'Ask how you could do better' });
    fireEvent.input(screen.getByLabelText('Your question'), { target: { value: 'What would have helped?' } });
    await waitFor(() =>
      expect(draftSlot.value).toMatchObject({
        kind: 'went-quiet',
        index: 1,
        done: ['ok-with-no'],
        stepIds: ['ok-with-no', 'ask-feedback', 'dont-close', 'last-word'],
        answers: { notes: { 'ask-feedback': 'What would have helped?' } },
      }),
    );
    const saved = draftSlot.value as RoutineDraft;
    cleanup();
    renderRoutine('went-quiet', { resume: saved });
    expect(screen.getByText('Step 2 of 4')).toBeTruthy();
    expect((screen.getByLabelText('Your question') as HTMLTextAreaElement).value).toBe('What would have helped?');
  });

  it('keeps no draft of a quick breath', async () => {
    const { draftSlot } = renderRoutine('quick');
    await screen.findByRole('heading', { name: 'Breathe' });
    expect(draftSlot.writes).toEqual([]);
  });

  it('rates and tags the call, and starts at the breath when the nudge already rated it', async () => {
    const id = await db.calls.add(CALL as CallRecord);
    const { onRated } = renderRoutine('after-call', { call: { ...CALL, id } });
    click('So-so');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Price' }));
    click('Next');
    await screen.findByRole('heading', { name: 'Breathe' });
    expect(await db.calls.get(id)).toMatchObject({ rating: 'so-so', tags: ['price'] });
    expect(onRated).toHaveBeenCalledOnce();
    cleanup();
    renderRoutine('after-call', { call: { ...CALL, id, rating: 'tough' } });
    expect(screen.getByRole('heading', { name: 'Breathe' })).toBeTruthy();
    expect(screen.getByText('Step 1 of 6')).toBeTruthy();
  });
});
