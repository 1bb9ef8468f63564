// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { createRef } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { homeReader } from '../../../src/db/home-reader';
import { type CallRecord, type FollowUpRecord, openReboundDb, type ReboundDb } from '../../../src/db/schema';
import type { WriteFailure } from '../../../src/db/write-failure';
import type { PendingFollowUp } from '../../../src/follow-ups/pending-follow-up';
import { App } from '../../../src/popup/App';
import { BeliefStep } from '../../../src/popup/steps/BeliefStep';
import { RolePlayStep } from '../../../src/popup/steps/RolePlayStep';
import { StayCalmStep } from '../../../src/popup/steps/StayCalmStep';
import { SupportStep } from '../../../src/popup/steps/SupportStep';
import type { RoutineAnswers } from '../../../src/routine/answers';
import type { RoutineDraft } from '../../../src/routine/draft';
import type { PendingRoutine } from '../../../src/routine/pending-routine';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { memorySlot } from './memory-slot';

let db: ReboundDb;
let dbCount = 0;
const NOW = new Date(2026, 10, 25, 15, 0).getTime();

beforeEach(() => {
  db = openReboundDb(`rough-run-test-${dbCount++}`);
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

/** Answers kept like the routine keeps them: every update re-renders the step. */
function answersHarness(draw: (answers: RoutineAnswers, update: (patch: Partial<RoutineAnswers>) => void) => void) {
  let answers: RoutineAnswers = {};
  const update = (patch: Partial<RoutineAnswers>) => {
    answers = { ...answers, ...patch };
    draw(answers, update);
  };
  draw(answers, update);
  return () => answers;
}

function renderStep(
  step: (answers: RoutineAnswers, update: (patch: Partial<RoutineAnswers>) => void) => preact.JSX.Element,
) {
  const view = render(<div />);
  return answersHarness((answers, update) => view.rerender(step(answers, update)));
}

const shared = { headingRef: createRef<HTMLHeadingElement>(), onNext: () => undefined, last: false };

describe('StayCalmStep', () => {
  it('keeps each part of the card in the rep own words', () => {
    const answers = renderStep((current, update) => <StayCalmStep {...shared} answers={current} update={update} />);
    expect(screen.getByRole('heading', { name: 'For the next tough moment' })).toBeTruthy();
    const parts = [
      ['What I will acknowledge', 'The wait was too long'],
      ['The pause I will take', 'One breath'],
      ['How I restate the value', 'Fastest setup'],
      ['The solution I propose', 'Call Friday'],
      ['How I end it gracefully if they stay hostile', 'Thank them, follow up by email'],
    ] as const;
    for (const [label, words] of parts) fireEvent.input(screen.getByLabelText(label), { target: { value: words } });
    expect(answers().stayCalm).toEqual({
      acknowledge: 'The wait was too long',
      pause: 'One breath',
      restate: 'Fastest setup',
      propose: 'Call Friday',
      'end-gracefully': 'Thank them, follow up by email',
    });
  });
});

describe('SupportStep', () => {
  it('links the contact set in Options and records either answer, or two lines to yourself', () => {
    const answers = renderStep((current, update) => (
      <SupportStep {...shared} answers={current} update={update} supportContact="mailto:maria@example.com" />
    ));
    const link = screen.getByRole('link', { name: 'maria@example.com' });
    expect(link.getAttribute('href')).toBe('mailto:maria@example.com');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    fireEvent.click(screen.getByRole('button', { name: 'I talked to someone' }));
    expect(answers().support).toBe('talked');
    expect(screen.getByRole('status').textContent).toBe('Good. That counts.');
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(answers().support).toBe('not-now');
    expect(screen.getByRole('button', { name: 'Not now' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.input(screen.getByLabelText(/two lines to yourself/), { target: { value: 'It was the delay.' } });
    expect(answers().supportNote).toBe('It was the delay.');
  });

  it('without a contact, says anyone who gets it will do', () => {
    renderStep((current, update) => <SupportStep {...shared} answers={current} update={update} supportContact="" />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText(/anyone who gets it will do/)).toBeTruthy();
  });
});

describe('BeliefStep', () => {
  it('shows the why-I-sell line from Options and asks for the next prospect', () => {
    const answers = renderStep((current, update) => (
      <BeliefStep {...shared} answers={current} update={update} whyISell="Clinics run better with us" />
    ));
    expect(screen.getByTestId('why-i-sell').textContent).toContain('Clinics run better with us');
    fireEvent.input(screen.getByLabelText('The one prospect who needs you next'), { target: { value: 'Acme' } });
    expect(answers().pipeline).toBe('Acme');
  });

  it('asks for the line when Options has none', () => {
    const answers = renderStep((current, update) => (
      <BeliefStep {...shared} answers={current} update={update} whyISell="" />
    ));
    fireEvent.input(screen.getByLabelText(/Why do you sell/), { target: { value: 'People' } });
    expect(answers().whyISell).toBe('People');
  });
});

describe('RolePlayStep', () => {
  it("lists today's tough calls, saves the role-play about the one picked, with a date", async () => {
    await db.calls.bulkAdd([
      call({ callKey: 'hubspot:older', rating: 'tough', endedAt: NOW - 3_600_000 }),
      call({ callKey: 'hubspot:newer', rating: 'tough', endedAt: NOW - 60_000 }),
      call({ callKey: 'hubspot:fine', rating: 'fine' }),
      call({ callKey: 'hubspot:yesterday', rating: 'tough', endedAt: NOW - 24 * 3_600_000 }),
    ] as CallRecord[]);
    const older = await db.calls.where('callKey').equals('hubspot:older').first();
    const save = vi.fn(
      async (form, dueAt: number, callId?: number) =>
        ({ id: 7, who: form.who, dueAt, note: form.note, callId }) as FollowUpRecord,
    );
    const downloadIcs = vi.fn();
    renderStep((current, update) => (
      <RolePlayStep
        {...shared}
        answers={current}
        update={update}
        db={db}
        now={() => NOW}
        save={save}
        downloadIcs={downloadIcs}
      />
    ));
    expect(screen.getByRole('heading', { name: 'Practise the worst one' })).toBeTruthy();
    const radios = await screen.findAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect((radios[0] as HTMLInputElement).checked).toBe(true);
    fireEvent.click(radios[1] as HTMLInputElement);
    expect((screen.getByLabelText('Who') as HTMLInputElement).value).toBe('My manager');
    fireEvent.click(screen.getByRole('button', { name: 'Save and remind me' }));
    await screen.findByText(/You'll get a reminder/);
    const [form, dueAt, callId] = save.mock.calls[0] ?? [];
    expect(callId).toBe(older?.id);
    expect(form?.note).toMatch(/^Role-play: the call at \S.* · HubSpot calling · 1:35$/);
    expect(dueAt).toBe(new Date(2026, 10, 26, 10, 0).getTime());
    fireEvent.click(screen.getByRole('button', { name: 'Add to calendar (.ics)' }));
    expect(downloadIcs).toHaveBeenCalledOnce();
  });
});

function renderApp(
  options: { pendingRoutine?: PendingRoutine; settings?: Partial<Settings>; draft?: RoutineDraft } = {},
) {
  const routineDraft = memorySlot<RoutineDraft>(options.draft);
  const schedule = vi.fn(async () => undefined);
  render(
    <App
      openDb={async () => db}
      reader={homeReader(() => db.open(), db.name)}
      pendingRoutine={memorySlot<PendingRoutine>(options.pendingRoutine)}
      writeFailure={memorySlot<WriteFailure>()}
      pendingFollowUp={memorySlot<PendingFollowUp>()}
      routineDraft={routineDraft}
      loadSettings={async () => ({ ...DEFAULT_SETTINGS, breathSeconds: 5, ...options.settings })}
      saveWhyISell={vi.fn(async () => undefined)}
      liveCallSources={async () => []}
      watchLiveCalls={() => () => undefined}
      followUps={{ schedule, done: vi.fn(), snooze: vi.fn(), downloadIcs: vi.fn() }}
      notifyHistoryChanged={async () => undefined}
      openOptions={vi.fn()}
      activeTabHost={async () => undefined}
      uniqueId={() => 'unique'}
      now={() => NOW}
    />,
  );
  return { routineDraft, schedule };
}

describe('the rough run in the popup', () => {
  it('is offered on home from two tough calls today, not one', async () => {
    await db.calls.add(call({ rating: 'tough' }) as CallRecord);
    renderApp();
    await screen.findByTestId('today');
    expect(screen.queryByTestId('rough-run-offer')).toBeNull();
    cleanup();
    await db.calls.add(call({ rating: 'tough' }) as CallRecord);
    renderApp();
    const offer = await screen.findByTestId('rough-run-offer');
    expect(offer.textContent).toContain('Tough calls today: 2');
  });

  it('breathes 90 s whatever the breath setting, then moves on', async () => {
    await db.calls.bulkAdd([call({ rating: 'tough' }), call({ rating: 'tough' })] as CallRecord[]);
    renderApp();
    const start = await screen.findByRole('button', { name: 'After a rough run' });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    try {
      fireEvent.click(start);
      expect(await screen.findByText('Step 1 of 5')).toBeTruthy();
      expect(screen.getByTestId('breath-count').textContent).toBe('90');
      await act(() => {
        vi.advanceTimersByTime(89_000);
      });
      expect(screen.getByTestId('breath-count').textContent).toBe('1');
      await act(() => {
        vi.advanceTimersByTime(1_000);
      });
      expect(screen.getByRole('heading', { name: 'For the next tough moment' })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens from the escalation on its call and records the practices of the steps done', async () => {
    const id = await db.calls.add(call({ callKey: 'hubspot:streak', rating: 'tough' }) as CallRecord);
    const { routineDraft, schedule } = renderApp({
      pendingRoutine: { kind: 'rough-run', callKey: 'hubspot:streak', requestedAt: NOW - 1000 },
      settings: { whyISell: 'Clinics run better', supportContact: 'Maria' },
    });
    await screen.findByRole('heading', { name: 'Breathe' });
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    await screen.findByRole('heading', { name: 'For the next tough moment' });
    fireEvent.input(screen.getByLabelText('What I will acknowledge'), { target: { value: 'The wait' } });
    await waitFor(() => expect(routineDraft.value?.answers.stayCalm).toEqual({ acknowledge: 'The wait' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Reach out' });
    expect(screen.getByText('Maria').tagName).toBe('STRONG');
    fireEvent.click(screen.getByRole('button', { name: 'I talked to someone' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Practise the worst one' });
    await screen.findByRole('radio');
    fireEvent.click(screen.getByRole('button', { name: 'Save and remind me' }));
    await screen.findByText(/You'll get a reminder/);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Why you do this' });
    expect(screen.getByTestId('why-i-sell').textContent).toContain('Clinics run better');
    fireEvent.input(screen.getByLabelText('The one prospect who needs you next'), { target: { value: 'Acme' } });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('button', { name: 'Quick reset' });

    const [followUp] = await db.followUps.toArray();
    expect(followUp).toMatchObject({ kind: 'role-play', callId: id, who: 'My manager' });
    expect(schedule).toHaveBeenCalledWith(followUp);
    const [reset] = await db.resets.toArray();
    expect(reset).toMatchObject({
      kind: 'rough-run',
      callId: id,
      steps: ['stay-calm', 'support', 'role-play', 'belief', 'pipeline'],
      stayCalm: { acknowledge: 'The wait' },
      support: { answer: 'talked' },
      pipeline: 'Acme',
      followUpId: followUp?.id,
    });
    expect(routineDraft.value).toBeUndefined();
  });

  it('a rough run left mid-way is offered back by name', async () => {
    const draft: RoutineDraft = {
      kind: 'rough-run',
      startedAt: NOW - 5000,
      stepIds: ['breathe-5', 'stay-calm', 'support', 'role-play', 'belief'],
      index: 2,
      done: ['breathe-5', 'stay-calm'],
      answers: { stayCalm: { pause: 'One breath' } },
      savedAt: NOW - 1000,
    };
    renderApp({ draft });
    expect((await screen.findByTestId('draft')).textContent).toContain('After a rough run');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Reach out' });
    expect(screen.getByText('Step 3 of 5')).toBeTruthy();
  });
});
