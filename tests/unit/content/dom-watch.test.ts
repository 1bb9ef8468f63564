// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accessibleName } from '../../../src/content/dom/hang-up-control';
import { type CallView, watchCallView } from '../../../src/content/dom/presence-adapter';
import { DOM_CHECK_INTERVAL_MS } from '../../../src/content/dom/watch-dom';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
});
afterEach(() => vi.useRealTimers());

/** A page whose call view the test sets by changing the DOM, as a dialer would. */
function watch() {
  let view: CallView = { live: false };
  const seen: string[] = [];
  const controller = new AbortController();
  watchCallView(
    window,
    controller.signal,
    () => view,
    (kind, outcome) => seen.push(outcome ? `${kind}:${outcome}` : kind),
  );
  const show = async (next: CallView) => {
    view = next;
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(DOM_CHECK_INTERVAL_MS);
  };
  return { seen, show, stop: () => controller.abort() };
}

describe('reading a call from the page', () => {
  it('turns a call appearing, talking and going into started, answered, ended', async () => {
    const { seen, show } = watch();
    await show({ live: true, talking: false });
    await show({ live: true, talking: true });
    await show({ live: true, talking: true });
    await show({ live: false, talking: false });
    expect(seen).toEqual(['started', 'answered', 'ended:completed']);
  });

  it('calls a call that never talked a no-answer, and says nothing of outcome when the page cannot tell', async () => {
    const ringing = watch();
    await ringing.show({ live: true, talking: false });
    await ringing.show({ live: false, talking: false });
    expect(ringing.seen).toEqual(['started', 'ended:no-answer']);
    ringing.stop();
    const plain = watch();
    await plain.show({ live: true });
    await plain.show({ live: false });
    expect(plain.seen).toEqual(['started', 'ended']);
  });

  it('looks at most once per interval however busy the page is, and not at all once stopped', async () => {
    let reads = 0;
    const controller = new AbortController();
    watchCallView(
      window,
      controller.signal,
      () => {
        reads += 1;
        return { live: false };
      },
      () => undefined,
    );
    for (let i = 0; i < 1000; i++) document.body.append(document.createElement('i'));
    await vi.advanceTimersByTimeAsync(DOM_CHECK_INTERVAL_MS);
    expect(reads).toBe(2);
    controller.abort();
    document.body.append(document.createElement('i'));
    await vi.advanceTimersByTimeAsync(DOM_CHECK_INTERVAL_MS * 2);
    expect(reads).toBe(2);
  });

  it('looks at a change after a quiet spell at once, and at the changes of a busy page after the interval', async () => {
    const seen: number[] = [];
    let view: CallView = { live: true };
    watchCallView(
      window,
      new AbortController().signal,
      () => view,
      () => seen.push(Date.now()),
    );
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(DOM_CHECK_INTERVAL_MS * 3);
    const endedAt = Date.now();
    view = { live: false };
    document.body.append(document.createElement('i'));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([expect.any(Number), endedAt]);

    view = { live: true };
    document.body.append(document.createElement('i'));
    await vi.advanceTimersByTimeAsync(DOM_CHECK_INTERVAL_MS - 1);
    expect(seen).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toHaveLength(3);
  });

  it('names controls the way assistive technology does', () => {
    document.body.innerHTML = `
      <button id="a" aria-label="Hang Up"><svg></svg></button>
      <span id="lbl">End call</span><div id="b" role="button" aria-labelledby="lbl"></div>
      <input id="c" type="button" value="Hangup">
      <button id="d"> End
        Call </button>
      <button id="e" title="Hang up"></button>`;
    const names = ['a', 'b', 'c', 'd', 'e'].map((id) => accessibleName(document.getElementById(id) as Element));
    expect(names).toEqual(['Hang Up', 'End call', 'Hangup', 'End Call', 'Hang up']);
  });
});
