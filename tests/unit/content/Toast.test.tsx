// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type NudgeActions, Toast } from '../../../src/content/toast/Toast';
import type { Nudge } from '../../../src/messages/to-content';

const nudge: Nudge = { callKey: 'hubspot:a', dialer: 'HubSpot calling', durationMs: 125_000, hideAfterMs: 30_000 };

function renderToast(
  overrides: { nudge?: Nudge; actions?: Partial<NudgeActions>; accepts?: (e: Event) => boolean } = {},
) {
  const actions: NudgeActions = {
    rate: vi.fn(async () => undefined),
    reset: vi.fn(async () => undefined),
    snooze: vi.fn(async () => undefined),
    ...overrides.actions,
  };
  const props = {
    nudged: { nudge: overrides.nudge ?? nudge, actions },
    breathDone: vi.fn(async () => undefined),
    onClose: vi.fn(),
    onBusy: vi.fn(),
    accepts: overrides.accepts ?? (() => true),
  };
  render(<Toast {...props} />);
  return { ...props, actions };
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Toast', () => {
  beforeEach(() => vi.useRealTimers());

  it('asks about the call, politely (role=status), with the breath and the snooze choices', () => {
    renderToast();
    expect(screen.getByRole('status', { name: 'Rebound' })).toBeTruthy();
    expect(screen.getByText('How did that one go?')).toBeTruthy();
    expect(screen.getByText('HubSpot calling · 2:05')).toBeTruthy();
    for (const name of ['Fine', 'So-so', 'Tough', 'Reset', '5-second breath', '30 min', '1 hour', 'Rest of today']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(document.activeElement).toBe(document.body);
  });

  it('turns into the escalation when a tough rating completes a run', async () => {
    renderToast({
      actions: {
        rate: vi.fn(async () => ({ streak: 3, contact: { label: 'Maria', href: 'https://chat.example/m' } })),
      },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Tough' }));
    });
    expect(screen.getByText('Tough calls in a row: 3')).toBeTruthy();
    expect(screen.getByText(/Take a longer break/)).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Maria' });
    expect(link.getAttribute('href')).toBe('https://chat.example/m');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('arrives escalated, naming a contact without a link as plain text', () => {
    renderToast({ nudge: { ...nudge, escalation: { streak: 4, contact: { label: 'Maria (team lead)' } } } });
    expect(screen.getByText('Tough calls in a row: 4')).toBeTruthy();
    expect(screen.getByText('Maria (team lead)').tagName).toBe('STRONG');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('escalated without a contact, points to a teammate and to Settings', () => {
    renderToast({ nudge: { ...nudge, escalation: { streak: 3 } } });
    expect(screen.getByText(/a teammate or your manager/)).toBeTruthy();
  });

  it('snoozes and closes', async () => {
    const { actions, onClose } = renderToast();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Rest of today' }));
    });
    expect(actions.snooze).toHaveBeenCalledWith('today');
    expect(onClose).toHaveBeenCalled();
  });

  it('says so when the background could not save, and stays open', async () => {
    const { onClose } = renderToast({ actions: { snooze: vi.fn(async () => Promise.reject(new Error('gone'))) } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '30 min' }));
    });
    expect(await screen.findByText(/couldn't save that/)).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('ignores clicks that are not a person’s', async () => {
    const { actions } = renderToast({ accepts: (event) => event.isTrusted });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Tough' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '30 min' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '5-second breath' }));
    });
    expect(actions.rate).not.toHaveBeenCalled();
    expect(actions.snooze).not.toHaveBeenCalled();
    expect(screen.queryByTestId('toast-breath')).toBeNull();
  });

  it('runs a five-second breath, busy meanwhile, then records it once', async () => {
    vi.useFakeTimers();
    const { breathDone, onBusy } = renderToast();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '5-second breath' }));
    });
    expect(onBusy).toHaveBeenLastCalledWith(true);
    expect(screen.getByTestId('toast-breath').textContent).toContain('5');
    expect(screen.getByText('Breathe in')).toBeTruthy();
    await act(async () => {
      vi.advanceTimersByTime(3000);
    });
    expect(screen.getByText('Breathe out')).toBeTruthy();
    expect(breathDone).not.toHaveBeenCalled();
    await act(async () => {
      vi.advanceTimersByTime(2200);
    });
    expect(breathDone).toHaveBeenCalledOnce();
    expect(onBusy).toHaveBeenLastCalledWith(false);
    expect(screen.getByText('Done. The next one gets a fresh start.')).toBeTruthy();
    await act(async () => {
      vi.advanceTimersByTime(5000);
    });
    expect(breathDone).toHaveBeenCalledOnce();
  });

  it('closes on Escape', () => {
    const { onClose } = renderToast();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Fine' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });

  it('without a call (the quick-reset shortcut) is only the breath', async () => {
    vi.useFakeTimers();
    const breathDone = vi.fn(async () => undefined);
    render(<Toast breathDone={breathDone} onClose={vi.fn()} />);
    expect(screen.getByText('Quick reset')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tough' })).toBeNull();
    await act(async () => {
      vi.advanceTimersByTime(5200);
    });
    expect(breathDone).toHaveBeenCalledOnce();
  });
});
