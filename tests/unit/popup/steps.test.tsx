// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { createRef } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LessonStep } from '../../../src/popup/steps/LessonStep';
import { NoteStep } from '../../../src/popup/steps/NoteStep';
import { RateStep } from '../../../src/popup/steps/RateStep';
import { ReadyStep } from '../../../src/popup/steps/ReadyStep';
import { ReframeStep } from '../../../src/popup/steps/ReframeStep';
import { ThrowAwayStep } from '../../../src/popup/steps/ThrowAwayStep';
import type { RoutineAnswers } from '../../../src/routine/answers';

afterEach(cleanup);

/** Renders a step with answers kept like the routine keeps them, re-rendering on each update. */
function harness(
  Step: (props: Parameters<typeof RateStep>[0]) => preact.JSX.Element,
  initial: RoutineAnswers = {},
  last = false,
) {
  let answers = initial;
  const onNext = vi.fn();
  const view = render(<div />);
  const draw = () =>
    view.rerender(<Step headingRef={createRef()} answers={answers} update={update} onNext={onNext} last={last} />);
  function update(patch: Partial<RoutineAnswers>) {
    answers = { ...answers, ...patch };
    draw();
  }
  draw();
  return { onNext, answers: () => answers };
}

describe('RateStep', () => {
  it('takes a rating, tags and the mood before, then moves on', () => {
    const { onNext, answers } = harness(RateStep);
    expect(screen.getByRole('heading', { name: 'How did that one go?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Tough' }));
    expect(screen.getByRole('button', { name: 'Tough' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Price' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Angry customer' }));
    fireEvent.click(screen.getByRole('radio', { name: '2' }));
    expect(answers()).toEqual({ rating: 'tough', tags: ['angry-customer', 'price'], moodBefore: 2 });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Price' }));
    expect(answers().tags).toEqual(['angry-customer']);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onNext).toHaveBeenCalledOnce();
  });
});

describe('ThrowAwayStep', () => {
  it('forgets what sticks once thrown away', () => {
    const { onNext, answers } = harness(ThrowAwayStep);
    fireEvent.input(screen.getByLabelText("What's sticking?"), { target: { value: 'The shouting' } });
    expect(answers().stuck).toBe('The shouting');
    fireEvent.click(screen.getByRole('button', { name: 'Crumple it and throw it away' }));
    expect(answers()).toMatchObject({ thrown: true, stuck: undefined });
    expect(screen.getByRole('status').textContent).toContain('Gone.');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onNext).toHaveBeenCalledOnce();
  });

  it('keeps it when the rep asks', () => {
    const { answers } = harness(ThrowAwayStep);
    fireEvent.input(screen.getByLabelText("What's sticking?"), { target: { value: 'My pricing slip' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep a note of it in my history' }));
    fireEvent.click(screen.getByRole('button', { name: 'Crumple it and throw it away' }));
    expect(answers()).toMatchObject({ thrown: true, keepStuck: true, stuck: 'My pricing slip' });
  });
});

describe('ReframeStep', () => {
  it('picks what the call was really about', () => {
    const { answers } = harness(ReframeStep);
    expect(screen.getByRole('heading', { name: 'What was it really about?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Their day' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Timing' }));
    expect(answers().causes).toEqual(['timing', 'their-day']);
  });
});

describe('LessonStep', () => {
  it('keeps what went well and what to do differently', () => {
    const { answers, onNext } = harness(LessonStep);
    fireEvent.input(screen.getByLabelText('What went well?'), { target: { value: 'Listened' } });
    fireEvent.input(screen.getByLabelText('What would you do differently?'), { target: { value: 'Ask sooner' } });
    expect(answers()).toEqual({ wentWell: 'Listened', doDifferently: 'Ask sooner' });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onNext).toHaveBeenCalledOnce();
  });
});

describe('NoteStep', () => {
  it.each([
    ['ok-with-no', 'A no is fine', "How you'll say it"],
    ['ask-feedback', 'Ask how you could do better', 'Your question'],
    ['dont-close', "Don't push. Ask where they stand", 'Your closure question'],
    ['tell-the-truth', 'The fact to state', 'The fact, in one line'],
    ['ask-the-hard-question', 'The question to ask', 'Your question'],
    ['role-play', 'Practise it with someone', 'Who could practise it with you?'],
  ] as const)('%s: a prompt and the rep’s own words', (practice, title, label) => {
    const Step = (props: Parameters<typeof RateStep>[0]) => <NoteStep {...props} practice={practice} />;
    const { answers } = harness(Step, { notes: { 'ok-with-no': 'kept' } }, true);
    expect(screen.getByRole('heading', { name: title })).toBeTruthy();
    fireEvent.input(screen.getByLabelText(label), { target: { value: 'My words' } });
    expect(answers().notes?.[practice]).toBe('My words');
    if (practice !== 'ok-with-no') expect(answers().notes?.['ok-with-no']).toBe('kept');
    // The last step's button says the routine ends there.
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();
  });
});

describe('ReadyStep', () => {
  it('asks for the why-I-sell line when there is none, the mood after and one prospect', () => {
    const onNext = vi.fn();
    let answers: RoutineAnswers = {};
    const update = (patch: Partial<RoutineAnswers>) => {
      answers = { ...answers, ...patch };
    };
    render(<ReadyStep headingRef={createRef()} answers={answers} update={update} onNext={onNext} last whyISell="" />);
    fireEvent.input(screen.getByLabelText(/Why do you sell what you sell\?/), { target: { value: 'People' } });
    fireEvent.click(screen.getByRole('radio', { name: '5' }));
    fireEvent.input(screen.getByLabelText('One prospect to call next (optional)'), { target: { value: 'Acme' } });
    expect(answers).toEqual({ whyISell: 'People', moodAfter: 5, pipeline: 'Acme' });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onNext).toHaveBeenCalledOnce();
  });

  it('shows the line the rep already wrote', () => {
    render(
      <ReadyStep
        headingRef={createRef()}
        answers={{}}
        update={vi.fn()}
        onNext={vi.fn()}
        last
        whyISell="Nurses get evenings back"
      />,
    );
    expect(screen.getByTestId('why-i-sell').textContent).toContain('Nurses get evenings back');
    expect(screen.queryByLabelText(/Why do you sell/)).toBeNull();
  });
});
