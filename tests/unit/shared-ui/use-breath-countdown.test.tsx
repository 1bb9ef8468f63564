// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useBreathCountdown } from '../../../src/shared-ui/use-breath-countdown';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Breath({ seconds, onDone }: { seconds: number; onDone(): void }) {
  const { left, cue, pattern } = useBreathCountdown(seconds, onDone);
  return <p data-testid="breath">{`${left} ${cue} ${pattern.style}`}</p>;
}

const advance = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });
const shown = () => screen.getByTestId('breath').textContent;

describe('useBreathCountdown, the one countdown of the toast and the popup', () => {
  it('counts whole seconds down with the pace cue, and ends once, on the latest onDone', async () => {
    const first = vi.fn();
    const latest = vi.fn();
    const view = render(<Breath seconds={5} onDone={first} />);
    expect(shown()).toBe('5 in single');
    await advance(1000);
    expect(shown()).toBe('4 in single');
    view.rerender(<Breath seconds={5} onDone={latest} />);
    await advance(2000);
    expect(shown()).toBe('2 out single');
    await advance(2000);
    expect(shown()).toBe('0 out single');
    await advance(5000);
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledOnce();
  });

  it('paces a 90 s breath as cyclic sighing', async () => {
    render(<Breath seconds={90} onDone={vi.fn()} />);
    await advance(3000);
    expect(shown()).toBe('87 top-up sigh');
  });
});
