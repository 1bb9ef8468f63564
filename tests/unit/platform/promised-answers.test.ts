import { describe, expect, it, vi } from 'vitest';
import { answeringWithPromises } from '../../../src/platform/promised-answers';

const sender = { id: 'rebound', tab: { id: 3 } } as never;

describe('answeringWithPromises', () => {
  it('keeps the channel open and sends what the promise resolves to', async () => {
    const sendResponse = vi.fn();
    const listener = answeringWithPromises(() => Promise.resolve({ ok: true }));
    expect(listener({ type: 'call-signal' }, sender, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true }));
  });

  it('passes the message and its sender through', () => {
    const inner = vi.fn(() => undefined);
    answeringWithPromises(inner)({ type: 'x' }, sender, vi.fn());
    expect(inner).toHaveBeenCalledWith({ type: 'x' }, sender);
  });

  it('answers nothing at once when the listener has no answer', () => {
    const sendResponse = vi.fn();
    answeringWithPromises(() => undefined)({}, sender, sendResponse);
    expect(sendResponse).toHaveBeenCalledWith(undefined);
  });

  it('answers a failed promise with no answer instead of leaving the sender waiting', async () => {
    const sendResponse = vi.fn();
    answeringWithPromises(() => Promise.reject(new Error('the write failed')))({}, sender, sendResponse);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(undefined));
  });
});
