// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { createRef } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FollowUpRecord } from '../../../src/db/schema';
import { FollowUpStep } from '../../../src/popup/steps/FollowUpStep';
import type { RoutineAnswers } from '../../../src/routine/answers';

afterEach(cleanup);

const NOW = new Date(2026, 10, 25, 9, 0).getTime();

function setup(answers: RoutineAnswers = {}) {
  const updates: Partial<RoutineAnswers>[] = [];
  const save = vi.fn(
    async (form: { who: string; note: string }, dueAt: number): Promise<FollowUpRecord> => ({
      id: 7,
      who: form.who,
      note: form.note,
      dueAt,
    }),
  );
  const downloadIcs = vi.fn();
  const onNext = vi.fn();
  render(
    <FollowUpStep
      headingRef={createRef()}
      answers={answers}
      update={(patch) => updates.push(patch)}
      onNext={onNext}
      last
      purpose="last-word"
      now={() => NOW}
      save={save}
      downloadIcs={downloadIcs}
    />,
  );
  return { updates, save, downloadIcs, onNext };
}

describe('FollowUpStep', () => {
  it('proposes tomorrow at 10:00, saves who and when, then offers the .ics', async () => {
    const { save, updates, downloadIcs, onNext } = setup();
    expect(screen.getByRole('heading', { name: 'Give yourself the last word' })).toBeTruthy();
    expect((screen.getByLabelText('Day') as HTMLInputElement).value).toBe('2026-11-26');
    expect((screen.getByLabelText('Time') as HTMLInputElement).value).toBe('10:00');
    fireEvent.input(screen.getByLabelText('Who'), { target: { value: 'Dana' } });
    fireEvent.input(screen.getByLabelText('Time'), { target: { value: '15:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and remind me' }));
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
    expect(save.mock.calls[0]?.[1]).toBe(new Date(2026, 10, 26, 15, 30).getTime());
    await screen.findByText(/Saved\. You'll get a reminder on/);
    expect(updates.at(-1)).toEqual({ followUpId: 7 });
    fireEvent.click(screen.getByRole('button', { name: 'Add to calendar (.ics)' }));
    expect(downloadIcs).toHaveBeenCalledWith(expect.objectContaining({ id: 7, who: 'Dana' }));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onNext).toHaveBeenCalledOnce();
  });

  it('asks for a day and a time before saving', () => {
    const { save } = setup();
    fireEvent.input(screen.getByLabelText('Day'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and remind me' }));
    expect(screen.getByRole('alert').textContent).toBe('Pick a day and a time first.');
    expect(save).not.toHaveBeenCalled();
  });

  it('does not save twice when a resumed draft already saved it', () => {
    const { save } = setup({ followUpId: 3 });
    expect(screen.getByRole('status').textContent).toContain('Your follow-up is saved');
    expect(screen.queryByRole('button', { name: 'Save and remind me' })).toBeNull();
    expect(save).not.toHaveBeenCalled();
  });
});
