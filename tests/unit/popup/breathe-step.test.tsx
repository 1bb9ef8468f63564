// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { createRef } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BreatheStep } from '../../../src/popup/steps/BreatheStep';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const advance = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

describe('BreatheStep', () => {
  it('counts a five-second breath down, in then out, and moves on once', async () => {
    const onDone = vi.fn();
    render(<BreatheStep headingRef={createRef()} seconds={5} onDone={onDone} />);
    expect(screen.getByTestId('breath-count').textContent).toBe('5');
    expect(screen.getByText('Breathe in').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('timer').textContent).toContain('5');
    await advance(3000);
    expect(screen.getByTestId('breath-count').textContent).toBe('2');
    expect(screen.getByText('Breathe out')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    await advance(2000);
    await advance(1000);
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('paces 90 seconds as cyclic sighing, with a top-up breath', async () => {
    const onDone = vi.fn();
    const { container } = render(<BreatheStep headingRef={createRef()} seconds={90} onDone={onDone} />);
    expect(container.querySelector('.breath-sigh')).not.toBeNull();
    expect(screen.getByText(/a little more on top/)).toBeTruthy();
    await advance(3000);
    expect(screen.getByText('A little more in')).toBeTruthy();
    await advance(4000);
    expect(screen.getByText('Breathe out')).toBeTruthy();
    await advance(83_000);
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('repeats calm breaths over 30 seconds', async () => {
    const { container } = render(<BreatheStep headingRef={createRef()} seconds={30} onDone={vi.fn()} />);
    expect(container.querySelector('.breath-calm')).not.toBeNull();
    await advance(6000);
    expect(screen.getByText('Breathe in')).toBeTruthy();
    expect(screen.getByTestId('breath-count').textContent).toBe('24');
  });
});
