// @vitest-environment happy-dom
import { act } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showToast } from '../../../src/content/toast/mount';

const content = () => ({ breathDone: vi.fn(async () => undefined) });
const host = () => document.querySelector('rebound-toast') as HTMLElement | null;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<input id="notes">';
});
afterEach(() => {
  host()?.remove();
  vi.useRealTimers();
});

describe('the toast on the page', () => {
  it('never takes focus from the field the rep is typing in', () => {
    const notes = document.getElementById('notes') as HTMLInputElement;
    notes.focus();
    act(() => showToast(content(), 10_000));
    expect(host()).not.toBeNull();
    expect(document.activeElement).toBe(notes);
  });

  it('sits on <html>, outside a body the page may replace, styled inline against page rules', () => {
    act(() => showToast(content(), 10_000));
    const element = host() as HTMLElement;
    expect(element.parentElement).toBe(document.documentElement);
    expect(element.style.getPropertyPriority('display')).toBe('important');
    expect(element.style.getPropertyValue('z-index')).toBe('2147483647');
    expect(element.getAttribute('dir')).toBe('ltr');
    expect(element.style.getPropertyValue('direction')).toBe('ltr');
  });

  it('hides itself after the set time', () => {
    const nudge = { callKey: 'hubspot:a', dialer: 'HubSpot calling', hideAfterMs: 3000 };
    const actions = { rate: vi.fn(), reset: vi.fn(), snooze: vi.fn() };
    act(() => showToast({ ...content(), nudged: { nudge, actions } }, 3000));
    act(() => {
      vi.advanceTimersByTime(2900);
    });
    expect(host()).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(host()).toBeNull();
  });

  it('does not hide while the breath runs, then hides after the set time', async () => {
    const breath = content();
    act(() => showToast(breath, 3000));
    await act(async () => {
      vi.advanceTimersByTime(4000);
    });
    expect(host()).not.toBeNull();
    await act(async () => {
      vi.advanceTimersByTime(1200);
    });
    expect(breath.breathDone).toHaveBeenCalledOnce();
    await act(async () => {
      vi.advanceTimersByTime(3100);
    });
    expect(host()).toBeNull();
  });

  it('a new nudge replaces the one still showing', () => {
    act(() => showToast(content(), 10_000));
    act(() => showToast(content(), 10_000));
    expect(document.querySelectorAll('rebound-toast')).toHaveLength(1);
  });
});
