// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showToast } from '../../src/content/toast/mount';
import { type NudgeActions, Toast } from '../../src/content/toast/Toast';
import type { Escalation } from '../../src/messages/escalation';
import type { Nudge } from '../../src/messages/to-content';
import { browser } from '../../src/platform/browser';

const nudge = (overrides: Partial<Nudge> = {}): Nudge => ({
  callKey: 'hubspot:abc',
  dialer: 'HubSpot calling',
  durationMs: 245_000,
  hideAfterMs: 30_000,
  ...overrides,
});

function actions(overrides: Partial<NudgeActions> = {}) {
  return {
    rate: vi.fn(async (_rating: string): Promise<Escalation | undefined> => undefined),
    reset: vi.fn(async (): Promise<unknown> => ({ ok: true })),
    roughRun: vi.fn(async (): Promise<unknown> => ({ ok: true })),
    snooze: vi.fn(async (_choice: string): Promise<unknown> => ({ ok: true })),
    ...overrides,
  };
}

const breathDone = () => vi.fn(async (): Promise<unknown> => ({ ok: true }));

/** The content script's call: a nudge with its actions, hidden after the nudge's own time. */
const mountNudge = (shown: Nudge = nudge(), toastActions: NudgeActions = actions()) =>
  showToast({ nudged: { nudge: shown, actions: toastActions }, breathDone: breathDone() }, shown.hideAfterMs);

const anyClick = () => true;

function renderToast(
  props: { nudge?: Nudge; actions?: ReturnType<typeof actions>; accepts?: (event: Event) => boolean } = {},
) {
  const onClose = vi.fn();
  const toastActions = props.actions ?? actions();
  const view = render(
    <Toast
      nudged={{ nudge: props.nudge ?? nudge(), actions: toastActions }}
      breathDone={breathDone()}
      onClose={onClose}
      accepts={props.accepts ?? anyClick}
    />,
  );
  return { ...view, onClose, actions: toastActions };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const host of document.querySelectorAll('rebound-toast')) host.remove();
});

describe('Toast', () => {
  it('asks how the call went, with the dialer and the length', () => {
    renderToast();
    expect(screen.getByText('How did that one go?')).toBeTruthy();
    expect(screen.getByText('HubSpot calling · 4:05')).toBeTruthy();
  });

  it('says the length is unknown when the start was not seen', () => {
    renderToast({ nudge: nudge({ durationMs: undefined }) });
    expect(screen.getByText('HubSpot calling · length unknown')).toBeTruthy();
  });

  it('is a status region named Rebound', () => {
    renderToast();
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-label')).toBe('Rebound');
  });

  it('offers the three ratings, none pressed yet', () => {
    renderToast();
    const buttons = ['Fine', 'So-so', 'Tough'].map((name) => screen.getByRole('button', { name }));
    expect(buttons.map((button) => button.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'false']);
  });

  it.each([
    ['Fine', 'fine'],
    ['So-so', 'so-so'],
    ['Tough', 'tough'],
  ])('rating %s sends %s and marks only that button pressed', async (label, rating) => {
    const { actions: toastActions } = renderToast();
    fireEvent.click(screen.getByRole('button', { name: label }));
    await flush();
    expect(toastActions.rate).toHaveBeenCalledExactlyOnceWith(rating);
    const pressed = ['Fine', 'So-so', 'Tough'].filter(
      (name) => screen.getByRole('button', { name }).getAttribute('aria-pressed') === 'true',
    );
    expect(pressed).toEqual([label]);
  });

  it('thanks the rep after a fine rating, and acknowledges a tough one differently', async () => {
    renderToast();
    fireEvent.click(screen.getByRole('button', { name: 'Fine' }));
    await flush();
    expect(screen.getByText('Noted. The next one gets a fresh start.')).toBeTruthy();
    expect(screen.queryByText('That was a hard one. Take a moment before the next call.')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Tough' }));
    await flush();
    expect(screen.getByText('That was a hard one. Take a moment before the next call.')).toBeTruthy();
    expect(screen.queryByText('Noted. The next one gets a fresh start.')).toBeNull();
  });

  it('Reset asks for the routine, then closes', async () => {
    let finishReset: (value: unknown) => void = () => undefined;
    const toastActions = actions({ reset: vi.fn(() => new Promise((resolve) => (finishReset = resolve))) });
    const { onClose } = renderToast({ actions: toastActions });
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(toastActions.reset).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    finishReset({ ok: true });
    await flush();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows the error text when rating fails, instead of the thanks', async () => {
    const toastActions = actions({ rate: vi.fn(async () => Promise.reject(new Error('no receiver'))) });
    renderToast({ actions: toastActions });
    fireEvent.click(screen.getByRole('button', { name: 'Tough' }));
    await flush();
    expect(screen.getByText("Rebound couldn't save that. Try again from the toolbar button.")).toBeTruthy();
    expect(screen.queryByText('That was a hard one. Take a moment before the next call.')).toBeNull();
  });

  it('shows the error text and stays open when Reset fails', async () => {
    const toastActions = actions({ reset: vi.fn(async () => Promise.reject(new Error('no receiver'))) });
    const { onClose } = renderToast({ actions: toastActions });
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await flush();
    expect(screen.getByText("Rebound couldn't save that. Try again from the toolbar button.")).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('clears the error when the next try succeeds', async () => {
    const rate = vi.fn(async (_rating: string): Promise<Escalation | undefined> => undefined);
    rate.mockRejectedValueOnce(new Error('no receiver'));
    renderToast({ actions: actions({ rate }) });
    fireEvent.click(screen.getByRole('button', { name: 'Fine' }));
    await flush();
    fireEvent.click(screen.getByRole('button', { name: 'Fine' }));
    await flush();
    expect(screen.queryByText("Rebound couldn't save that. Try again from the toolbar button.")).toBeNull();
    expect(screen.getByText('Noted. The next one gets a fresh start.')).toBeTruthy();
  });

  it('closes on Escape, and on the Dismiss button', () => {
    const { onClose } = renderToast();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Fine' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(screen.getByRole('status'), { key: 'Enter' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('by default ignores clicks the page synthesised (not trusted)', async () => {
    const onClose = vi.fn();
    const toastActions = actions();
    render(<Toast nudged={{ nudge: nudge(), actions: toastActions }} breathDone={breathDone()} onClose={onClose} />);
    for (const name of ['Fine', 'So-so', 'Tough', 'Reset', '5-second breath', '30 min', 'Dismiss']) {
      fireEvent.click(screen.getByRole('button', { name }));
    }
    await flush();
    expect(toastActions.rate).not.toHaveBeenCalled();
    expect(toastActions.reset).not.toHaveBeenCalled();
    expect(toastActions.snooze).not.toHaveBeenCalled();
    expect(screen.queryByTestId('toast-breath')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Tough' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('passes each click event to accepts', () => {
    const accepts = vi.fn((_event: Event) => false);
    const { actions: toastActions } = renderToast({ accepts });
    fireEvent.click(screen.getByRole('button', { name: 'Fine' }));
    expect(accepts).toHaveBeenCalledTimes(1);
    expect(accepts.mock.calls[0]?.[0].type).toBe('click');
    expect(toastActions.rate).not.toHaveBeenCalled();
  });
});

describe('showToast', () => {
  const hosts = () => document.documentElement.querySelectorAll(':scope > rebound-toast');

  function mountCapturingRoot(shown: Nudge = nudge(), toastActions: NudgeActions = actions()) {
    const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
    mountNudge(shown, toastActions);
    const root = attach.mock.results.at(-1)?.value as ShadowRoot | undefined;
    return { attach, root };
  }

  it('mounts a rebound-toast host on <html> behind a closed shadow root', () => {
    const { attach, root } = mountCapturingRoot();
    const [host] = hosts();
    expect(hosts()).toHaveLength(1);
    expect(host?.parentElement).toBe(document.documentElement);
    expect(host?.shadowRoot).toBeNull();
    expect(attach).toHaveBeenCalledWith({ mode: 'closed' });
    expect(host?.getAttribute('dir')).toBe('ltr');
    expect(host?.getAttribute('style')).toContain('position: fixed !important');
    expect(document.body.querySelector('rebound-toast')).toBeNull();
    expect(root?.querySelector('[role="status"]')?.getAttribute('aria-label')).toBe('Rebound');
    expect(root?.textContent).toContain('How did that one go?');
  });

  it('reads our locale’s direction as it loads, not between the nudge arriving and showing', () => {
    const getMessage = vi.spyOn(browser.i18n, 'getMessage');
    mountNudge();
    expect(hosts()[0]?.getAttribute('dir')).toBe('ltr');
    expect(getMessage.mock.calls.filter(([key]) => key === '@@bidi_dir')).toEqual([]);
    getMessage.mockRestore();
  });

  it('replaces a toast still showing', () => {
    const first = mountCapturingRoot(nudge({ callKey: 'hubspot:first', dialer: 'First dialer' })).root;
    const firstHost = hosts()[0];
    const second = mountCapturingRoot(nudge({ callKey: 'hubspot:second', dialer: 'Second dialer' })).root;
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]).not.toBe(firstHost);
    expect(firstHost?.isConnected).toBe(false);
    expect(first?.textContent).not.toContain('First dialer');
    expect(second?.textContent).toContain('Second dialer');
  });

  it('hides itself after hideAfterMs', () => {
    vi.useFakeTimers();
    mountNudge(nudge({ hideAfterMs: 5_000 }));
    vi.advanceTimersByTime(4_999);
    expect(hosts()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(hosts()).toHaveLength(0);
  });

  it('stays while focus is inside, and hides hideAfterMs after focus leaves', () => {
    vi.useFakeTimers();
    mountNudge(nudge({ hideAfterMs: 5_000 }));
    const host = hosts()[0];
    vi.advanceTimersByTime(4_000);
    host?.dispatchEvent(new FocusEvent('focusin'));
    vi.advanceTimersByTime(60_000);
    expect(hosts()).toHaveLength(1);

    host?.dispatchEvent(new FocusEvent('focusout'));
    vi.advanceTimersByTime(4_999);
    expect(hosts()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(hosts()).toHaveLength(0);
  });

  it('stays while the pointer is on it', () => {
    vi.useFakeTimers();
    mountNudge(nudge({ hideAfterMs: 5_000 }));
    const host = hosts()[0];
    host?.dispatchEvent(new Event('pointerenter'));
    vi.advanceTimersByTime(60_000);
    expect(hosts()).toHaveLength(1);
    host?.dispatchEvent(new Event('pointerleave'));
    vi.advanceTimersByTime(5_000);
    expect(hosts()).toHaveLength(0);
  });

  it('does not let a replaced toast’s timer remove the new one', () => {
    vi.useFakeTimers();
    mountNudge(nudge({ hideAfterMs: 3_000 }));
    vi.advanceTimersByTime(2_000);
    mountNudge(nudge({ hideAfterMs: 10_000 }));
    vi.advanceTimersByTime(5_000);
    expect(hosts()).toHaveLength(1);
    vi.advanceTimersByTime(5_000);
    expect(hosts()).toHaveLength(0);
  });

  it('closes on Escape inside the toast', () => {
    const { root } = mountCapturingRoot();
    const section = root?.querySelector('[role="status"]');
    section?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(hosts()).toHaveLength(0);
  });
});

describe('Toast: snooze, breath and escalation', () => {
  it('offers the breath and the three snooze choices, and takes no focus', () => {
    renderToast();
    for (const name of ['5-second breath', '30 min', '1 hour', 'Rest of today']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(document.activeElement).toBe(document.body);
  });

  it('snoozes and closes; stays open with the error when the snooze fails', async () => {
    const { actions: toastActions, onClose } = renderToast();
    fireEvent.click(screen.getByRole('button', { name: 'Rest of today' }));
    await flush();
    expect(toastActions.snooze).toHaveBeenCalledExactlyOnceWith('today');
    expect(onClose).toHaveBeenCalledTimes(1);
    cleanup();
    const failing = renderToast({ actions: actions({ snooze: vi.fn(async () => Promise.reject(new Error('gone'))) }) });
    fireEvent.click(screen.getByRole('button', { name: '30 min' }));
    await flush();
    expect(screen.getByText("Rebound couldn't save that. Try again from the toolbar button.")).toBeTruthy();
    expect(failing.onClose).not.toHaveBeenCalled();
  });

  it('turns into the escalation when a tough rating completes a run', async () => {
    const escalation = { streak: 3, contact: { label: 'Maria', href: 'https://chat.example/m' } };
    renderToast({ actions: actions({ rate: vi.fn(async () => escalation) }) });
    fireEvent.click(screen.getByRole('button', { name: 'Tough' }));
    await flush();
    expect(screen.getByText('Tough calls in a row: 3')).toBeTruthy();
    expect(screen.getByText(/Take a longer break/)).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Maria' });
    expect(link.getAttribute('href')).toBe('https://chat.example/m');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('arrives escalated, naming a contact without a link as plain text', () => {
    renderToast({ nudge: nudge({ escalation: { streak: 4, contact: { label: 'Maria (team lead)' } } }) });
    expect(screen.getByText('Tough calls in a row: 4')).toBeTruthy();
    expect(screen.getByText('Maria (team lead)').tagName).toBe('STRONG');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('offers the rough-run routine from the escalation, then closes', async () => {
    const { actions: toastActions, onClose } = renderToast({ nudge: nudge({ escalation: { streak: 3 } }) });
    fireEvent.click(screen.getByRole('button', { name: 'Take the longer break' }));
    await flush();
    expect(toastActions.roughRun).toHaveBeenCalledOnce();
    expect(toastActions.reset).not.toHaveBeenCalled();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('escalated without a contact, points to a teammate and to Settings', () => {
    renderToast({ nudge: nudge({ escalation: { streak: 3 } }) });
    expect(screen.getByText(/a teammate or your manager/)).toBeTruthy();
  });

  it('runs a five-second breath, busy meanwhile, then records it once', async () => {
    vi.useFakeTimers();
    const done = breathDone();
    const onBusy = vi.fn();
    render(
      <Toast
        nudged={{ nudge: nudge(), actions: actions() }}
        breathDone={done}
        onClose={vi.fn()}
        onBusy={onBusy}
        accepts={anyClick}
      />,
    );
    expect(onBusy).toHaveBeenLastCalledWith(false);
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
    expect(done).not.toHaveBeenCalled();
    await act(async () => {
      vi.advanceTimersByTime(2200);
    });
    expect(done).toHaveBeenCalledOnce();
    expect(onBusy).toHaveBeenLastCalledWith(false);
    expect(screen.getByText('Done. The next one gets a fresh start.')).toBeTruthy();
    await act(async () => {
      vi.advanceTimersByTime(5000);
    });
    expect(done).toHaveBeenCalledOnce();
  });

  it('without a call (the quick-reset shortcut) is only the breath', async () => {
    vi.useFakeTimers();
    const done = breathDone();
    render(<Toast breathDone={done} onClose={vi.fn()} />);
    expect(screen.getByText('Quick reset')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tough' })).toBeNull();
    await act(async () => {
      vi.advanceTimersByTime(5200);
    });
    expect(done).toHaveBeenCalledOnce();
  });
});

describe('showToast: never in the way', () => {
  const hosts = () => document.documentElement.querySelectorAll(':scope > rebound-toast');

  it('never takes focus from the field the rep is typing in', () => {
    document.body.innerHTML = '<input id="notes">';
    const notes = document.getElementById('notes') as HTMLInputElement;
    notes.focus();
    mountNudge();
    expect(hosts()).toHaveLength(1);
    expect(document.activeElement).toBe(notes);
  });

  it('keeps its own direction and stacking against page rules, inline and important', () => {
    mountNudge();
    const host = hosts()[0] as HTMLElement;
    expect(host.style.getPropertyValue('direction')).toBe('ltr');
    expect(host.style.getPropertyPriority('direction')).toBe('important');
    expect(host.style.getPropertyValue('z-index')).toBe('2147483647');
  });

  it('does not hide while the breath runs, then hides after the set time', async () => {
    vi.useFakeTimers();
    const done = breathDone();
    act(() => showToast({ breathDone: done }, 3000));
    await act(async () => {
      vi.advanceTimersByTime(4000);
    });
    expect(hosts()).toHaveLength(1);
    await act(async () => {
      vi.advanceTimersByTime(1200);
    });
    expect(done).toHaveBeenCalledOnce();
    await act(async () => {
      vi.advanceTimersByTime(3100);
    });
    expect(hosts()).toHaveLength(0);
  });
});
