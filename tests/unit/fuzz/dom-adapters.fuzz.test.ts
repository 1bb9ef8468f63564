// @vitest-environment happy-dom
/**
 * The DOM-read dialers against 10,000 random and hostile DOM mutations each: nodes added and
 * removed, hang-up names and gv-test-id attributes set and cleared, things hidden and shown.
 * Nothing throws; every signal is one the background accepts; the signals always read as whole
 * calls (a start before its answer and its end, never two starts); nothing comes after stop.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DialerAdapter } from '../../../src/content/adapters/adapter';
import { siteShowsCall } from '../../../src/content/adapters/custom-site';
import { googleVoiceAdapter } from '../../../src/content/adapters/google-voice';
import { outreachAdapter } from '../../../src/content/adapters/outreach';
import { salesloftAdapter } from '../../../src/content/adapters/salesloft';
import { DOM_CHECK_INTERVAL_MS } from '../../../src/content/dom/watch-dom';
import { type CallSignal, callSignalSchema } from '../../../src/messages/call-signal';

const RUNS = 500;
const MUTATIONS_PER_RUN = 20;

const TAGS = ['button', 'div', 'span', 'input', 'a', 'section'] as const;
const ATTRIBUTES = [
  'gv-test-id',
  'aria-label',
  'hidden',
  'style',
  'role',
  'title',
  'class',
  'aria-labelledby',
  'type',
  'value',
];
const VALUES = fc.oneof(
  fc.constantFrom(
    'in-call-end-call',
    'in-call-callduration',
    'End Call',
    'Hang Up',
    'hangup',
    'END CALL',
    'display: none',
    'button',
    '',
    '__proto__',
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ minLength: 500, maxLength: 3000 }),
);

type Op =
  | { kind: 'add'; tag: (typeof TAGS)[number]; parent: number; attribute: string; value: string; text: string }
  | { kind: 'remove'; target: number }
  | { kind: 'set'; target: number; attribute: string; value: string }
  | { kind: 'unset'; target: number; attribute: string }
  | { kind: 'text'; target: number; text: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    tag: fc.constantFrom(...TAGS),
    parent: fc.nat(),
    attribute: fc.constantFrom(...ATTRIBUTES),
    value: VALUES,
    text: VALUES,
  }),
  fc.record({ kind: fc.constant('remove' as const), target: fc.nat() }),
  fc.record({
    kind: fc.constant('set' as const),
    target: fc.nat(),
    attribute: fc.constantFrom(...ATTRIBUTES),
    value: VALUES,
  }),
  fc.record({ kind: fc.constant('unset' as const), target: fc.nat(), attribute: fc.constantFrom(...ATTRIBUTES) }),
  fc.record({ kind: fc.constant('text' as const), target: fc.nat(), text: VALUES }),
);

function apply(mutation: Op): void {
  const elements = [document.body, ...document.body.querySelectorAll('*')];
  const pick = (index: number) => elements[index % elements.length] as Element;
  switch (mutation.kind) {
    case 'add': {
      const element = document.createElement(mutation.tag);
      element.setAttribute(mutation.attribute, mutation.value);
      element.textContent = mutation.text;
      pick(mutation.parent).append(element);
      return;
    }
    case 'remove': {
      const target = pick(mutation.target);
      if (target !== document.body) target.remove();
      return;
    }
    case 'set':
      pick(mutation.target).setAttribute(mutation.attribute, mutation.value);
      return;
    case 'unset':
      pick(mutation.target).removeAttribute(mutation.attribute);
      return;
    case 'text': {
      const target = pick(mutation.target);
      if (target !== document.body) target.textContent = mutation.text;
      return;
    }
  }
}

/** started → (answered) → ended, again and again; anything else is a broken call. */
function wellFormed(signals: readonly CallSignal[]): boolean {
  let live = false;
  for (const signal of signals) {
    if (signal.kind === 'started') {
      if (live) return false;
      live = true;
    } else if (!live) {
      return false;
    } else if (signal.kind === 'ended') {
      live = false;
    }
  }
  return true;
}

beforeAll(() => {
  vi.useFakeTimers();
  // happy-dom lays nothing out: visible here means not hidden by attribute or inline style.
  Object.defineProperty(Element.prototype, 'checkVisibility', {
    configurable: true,
    value(this: Element) {
      return !this.closest('[hidden], [style*="display: none"], [style*="display:none"]');
    },
  });
});
afterAll(() => {
  vi.useRealTimers();
  delete (Element.prototype as { checkVisibility?: unknown }).checkVisibility;
});

const DOM_ADAPTERS: DialerAdapter[] = [googleVoiceAdapter, salesloftAdapter, outreachAdapter];

describe.each(DOM_ADAPTERS)('$id adapter under DOM fuzzing', (adapter) => {
  it(`stays whole through ${RUNS * MUTATIONS_PER_RUN} random mutations`, async () => {
    let produced = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: MUTATIONS_PER_RUN, maxLength: MUTATIONS_PER_RUN }), async (ops) => {
        document.body.replaceChildren();
        const signals: CallSignal[] = [];
        const stop = new AbortController();
        adapter.start(
          window,
          (signal) => signals.push(signal),
          stop.signal,
          () => 1_700_000_000_000,
        );
        for (const mutation of ops) {
          apply(mutation);
          await vi.advanceTimersByTimeAsync(DOM_CHECK_INTERVAL_MS);
        }
        stop.abort();
        const before = signals.length;
        apply({ kind: 'add', tag: 'button', parent: 0, attribute: 'aria-label', value: 'End Call', text: '' });
        await vi.advanceTimersByTimeAsync(DOM_CHECK_INTERVAL_MS);
        expect(signals.length).toBe(before);
        expect(wellFormed(signals)).toBe(true);
        for (const signal of signals) expect(v.safeParse(callSignalSchema, signal).success).toBe(true);
        produced += signals.length;
      }),
      { numRuns: RUNS },
    );
    expect(produced).toBeGreaterThan(0);
  }, 120_000);
});

describe('custom site selectors under fuzzing', () => {
  it('never throw, whatever the rep typed, on whatever the page holds', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 10 }), fc.string(), fc.string(), (ops, inCall, hangUp) => {
        document.body.replaceChildren();
        for (const mutation of ops) apply(mutation);
        const site = {
          origin: 'https://dialer.example',
          detect: 'elements' as const,
          inCallSelector: inCall,
          hangUpSelector: hangUp,
        };
        expect(typeof siteShowsCall(document, site)).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
