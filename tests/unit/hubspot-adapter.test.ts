import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hubspotAdapter, outcomeFromEndStatus } from '../../src/content/adapters/hubspot';
import { type CallSignal, callSignalSchema } from '../../src/messages/call-signal';
import { isFrameInside } from '../../src/page/frame-ancestry';
import { installMessagePrefilter } from '../../src/page/message-prefilter';

/** A stand-in for a browsing context: an event target with a `parent` and a document. */
type FakeWindow = EventTarget & { parent: unknown; name: string; document: EventTarget };

function fakeWindow(name: string, parent?: FakeWindow): FakeWindow {
  const win = Object.assign(new EventTarget(), { name, parent: undefined as unknown, document: new EventTarget() });
  win.parent = parent ?? win;
  return win;
}

/** A cross-origin window whose `parent` cannot be read. */
function throwingParentWindow(): FakeWindow {
  const win = Object.assign(new EventTarget(), { name: 'throwing' }) as FakeWindow;
  Object.defineProperty(win, 'parent', {
    get() {
      throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
    },
  });
  return win;
}

const asWindow = (win: FakeWindow) => win as unknown as Window;
const asSource = (value: unknown) => value as MessageEventSource | null;

function messageEvent(data: unknown, source: unknown): MessageEvent {
  return Object.assign(new Event('message'), { data, source }) as MessageEvent;
}

const T0 = 1_700_000_000_000;

function setup() {
  const host = fakeWindow('host');
  const widget = fakeWindow('widget', host);
  const signals: CallSignal[] = [];
  const controller = new AbortController();
  let clock = T0;
  const now = () => clock;
  const addListener = vi.spyOn(host, 'addEventListener');
  hubspotAdapter.start(asWindow(host), (signal) => signals.push(signal), controller.signal, now);
  // The page's message events reach the adapter through the MAIN-world prefilter.
  installMessagePrefilter(asWindow(host));
  const listener = addListener.mock.calls[0]?.[1] as ((event: MessageEvent) => void) | undefined;
  if (!listener) throw new Error('the prefilter added no listener');
  return {
    host,
    widget,
    signals,
    controller,
    listener,
    setClock: (at: number) => {
      clock = at;
    },
    post: (data: unknown, ...from: [source?: unknown]) =>
      host.dispatchEvent(messageEvent(data, from.length === 0 ? widget : from[0])),
  };
}

const widgetMessage = (type: string, data?: Record<string, unknown>, messageId = `m-${type}`) => ({
  type,
  data,
  messageId,
});

describe('hubspotAdapter', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('matches every frame: any CRM may host a calling widget', () => {
    expect(hubspotAdapter.id).toBe('hubspot');
    expect(hubspotAdapter.matches(asWindow(fakeWindow('any')))).toBe(true);
  });

  it('turns a recorded outgoing call into started, answered and ended signals with the clock time', () => {
    const { post, setClock, signals } = setup();
    const data = { externalCallId: 'call-42', toNumber: '+1 555 0100' };
    setClock(T0 + 1_000);
    post(widgetMessage('OUTGOING_CALL_STARTED', data));
    setClock(T0 + 5_000);
    post(widgetMessage('CALL_ANSWERED', data));
    setClock(T0 + 65_000);
    post(widgetMessage('CALL_ENDED', { ...data, callEndStatus: 'COMPLETED' }));
    setClock(T0 + 66_000);
    post(widgetMessage('CALL_COMPLETED', data));

    expect(signals).toEqual([
      { source: 'hubspot', callId: 'call-42', at: T0 + 1_000, kind: 'started', direction: 'outbound' },
      { source: 'hubspot', callId: 'call-42', at: T0 + 5_000, kind: 'answered' },
      { source: 'hubspot', callId: 'call-42', at: T0 + 65_000, kind: 'ended', outcome: 'completed' },
      { source: 'hubspot', callId: 'call-42', at: T0 + 66_000, kind: 'ended' },
    ]);
  });

  it('turns INCOMING_CALL into an inbound start', () => {
    const { post, signals } = setup();
    post(widgetMessage('INCOMING_CALL', { externalCallId: 'in-1', fromNumber: '+44 20 7946 0018' }));
    expect(signals).toEqual([{ source: 'hubspot', callId: 'in-1', at: T0, kind: 'started', direction: 'inbound' }]);
  });

  it('emits signals without a callId when the widget gives none', () => {
    const { post, signals } = setup();
    post(widgetMessage('OUTGOING_CALL_STARTED'));
    expect(signals).toHaveLength(1);
    expect(signals[0]?.callId).toBeUndefined();
    expect(signals[0]?.kind).toBe('started');
  });

  it.each([
    ['COMPLETED', 'completed'],
    ['NO_ANSWER', 'no-answer'],
    ['MISSED', 'no-answer'],
    ['BUSY', 'busy'],
    ['FAILED', 'failed'],
    ['CANCELED', 'canceled'],
    ['REJECTED', 'canceled'],
    ['VOICEMAIL_LEFT', 'unknown'],
    ['completed', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ] as const)('maps callEndStatus %j to outcome %s', (status, outcome) => {
    expect(outcomeFromEndStatus(status)).toBe(outcome);
    const { post, signals } = setup();
    post(widgetMessage('CALL_ENDED', { externalCallId: 'c1', callEndStatus: status }));
    expect(signals).toEqual([{ source: 'hubspot', callId: 'c1', at: T0, kind: 'ended', outcome }]);
  });

  // The status table is a plain object literal: a status named after an Object.prototype member
  // must not leak that member (a function or an object) out as the outcome.
  it.each(['toString', 'constructor', '__proto__'])(
    'maps the prototype-named callEndStatus %j to outcome unknown, in a signal the background accepts',
    (status) => {
      expect(outcomeFromEndStatus(status)).toBe('unknown');
      const { post, signals } = setup();
      post(widgetMessage('CALL_ENDED', { externalCallId: 'c1', callEndStatus: status }));
      expect(signals).toHaveLength(1);
      expect(signals[0]?.outcome).toBe('unknown');
      expect(v.safeParse(callSignalSchema, signals[0]).success).toBe(true);
    },
  );

  it('maps a CALL_ENDED without any data to an unknown outcome', () => {
    const { post, signals } = setup();
    post(widgetMessage('CALL_ENDED'));
    expect(signals).toEqual([{ source: 'hubspot', callId: undefined, at: T0, kind: 'ended', outcome: 'unknown' }]);
  });

  it('counts a grandchild frame (a widget nested inside another frame)', () => {
    const { host, post, signals } = setup();
    const wrapper = fakeWindow('wrapper', host);
    const nested = fakeWindow('nested', wrapper);
    post(widgetMessage('OUTGOING_CALL_STARTED', { externalCallId: 'deep' }), nested);
    expect(signals.map((signal) => signal.callId)).toEqual(['deep']);
  });

  describe('ignores messages that do not come from a frame of this page', () => {
    const started = widgetMessage('OUTGOING_CALL_STARTED', { externalCallId: 'forged' });

    it.each([
      ['the page itself', (host: FakeWindow) => host],
      ['a sibling top-level window', () => fakeWindow('sibling')],
      ["a sibling window's child frame", () => fakeWindow('sibling-child', fakeWindow('sibling'))],
      ['a null source', () => null],
      ['an undefined source', () => undefined],
      ['a window whose parent getter throws', () => throwingParentWindow()],
      ['a child of a window whose parent getter throws', () => fakeWindow('child', throwingParentWindow())],
      ['a MessagePort-like object', () => ({ postMessage() {}, start() {}, close() {} })],
      ['a frame whose parent is null', () => Object.assign(new EventTarget(), { parent: null })],
    ])('from %s', (_label, sourceFor) => {
      const { host, post, signals } = setup();
      post(started, sourceFor(host));
      expect(signals).toEqual([]);
    });

    it('from a real MessagePort', () => {
      const { post, signals } = setup();
      const channel = new MessageChannel();
      try {
        post(started, channel.port1);
        expect(signals).toEqual([]);
      } finally {
        channel.port1.close();
        channel.port2.close();
      }
    });
  });

  describe('emits nothing and never throws on malformed data', () => {
    const long = 'x'.repeat(201);
    it.each([
      ['a string', 'OUTGOING_CALL_STARTED'],
      ['a JSON string', JSON.stringify(widgetMessage('OUTGOING_CALL_STARTED'))],
      ['null', null],
      ['undefined', undefined],
      ['a number', 42],
      ['an array', [widgetMessage('OUTGOING_CALL_STARTED')]],
      ['an empty object', {}],
      ['a missing messageId', { type: 'OUTGOING_CALL_STARTED', data: { externalCallId: 'a' } }],
      ['a numeric messageId', { type: 'OUTGOING_CALL_STARTED', messageId: 7 }],
      ['a messageId over 100 characters', widgetMessage('CALL_ANSWERED', {}, 'm'.repeat(101))],
      ['an unknown type', widgetMessage('CALL_TRANSFERRED', { externalCallId: 'a' })],
      ['a lowercase type', widgetMessage('call_ended', { externalCallId: 'a' })],
      ['a numeric type', { type: 3, messageId: 'm' }],
      ['non-object data', widgetMessage('CALL_ENDED', 'COMPLETED' as unknown as Record<string, unknown>)],
      ['numeric data', widgetMessage('CALL_ENDED', 5 as unknown as Record<string, unknown>)],
      ['null data', widgetMessage('CALL_ENDED', null as unknown as Record<string, unknown>)],
      ['a numeric externalCallId', widgetMessage('CALL_ENDED', { externalCallId: 42 })],
      ['an empty externalCallId', widgetMessage('CALL_ENDED', { externalCallId: '' })],
      ['an externalCallId over 200 characters', widgetMessage('CALL_ENDED', { externalCallId: long })],
      ['a numeric callEndStatus', widgetMessage('CALL_ENDED', { externalCallId: 'a', callEndStatus: 1 })],
      ['a callEndStatus over 40 characters', widgetMessage('CALL_ENDED', { callEndStatus: 'C'.repeat(41) })],
    ])('%s', (_label, data) => {
      const { host, widget, listener, post, signals } = setup();
      expect(() => post(data)).not.toThrow();
      expect(() => listener(messageEvent(data, widget))).not.toThrow();
      expect(() => listener(messageEvent(data, host))).not.toThrow();
      expect(signals).toEqual([]);
    });

    it('accepts an externalCallId of exactly 200 characters', () => {
      const { post, signals } = setup();
      post(widgetMessage('CALL_ENDED', { externalCallId: 'y'.repeat(200) }));
      expect(signals).toHaveLength(1);
      expect(signals[0]?.callId).toHaveLength(200);
    });
  });

  it('never puts a phone number (or any other widget field) into a signal', () => {
    const { post, signals } = setup();
    const pii = {
      externalCallId: 'call-pii',
      toNumber: '+1 (555) 010-0199',
      fromNumber: '+15550100200',
      phoneNumber: '5550100300',
      contactName: 'Jane Customer',
      callEndStatus: 'COMPLETED',
    };
    for (const type of ['OUTGOING_CALL_STARTED', 'INCOMING_CALL', 'CALL_ANSWERED', 'CALL_ENDED', 'CALL_COMPLETED']) {
      post({ ...widgetMessage(type, pii), phoneNumber: '+1 555 0100 400' });
    }
    expect(signals).toHaveLength(5);
    const emitted = JSON.stringify(signals);
    for (const forbidden of ['555', '0100', 'Jane', 'toNumber', 'fromNumber', 'phoneNumber', 'contactName']) {
      expect(emitted).not.toContain(forbidden);
    }
    for (const signal of signals) {
      expect(
        Object.keys(signal).every((key) => ['source', 'callId', 'at', 'kind', 'direction', 'outcome'].includes(key)),
      ).toBe(true);
    }
  });

  it('stops listening once the stop signal is aborted', () => {
    const { controller, post, signals } = setup();
    post(widgetMessage('OUTGOING_CALL_STARTED', { externalCallId: 'before' }));
    controller.abort();
    post(widgetMessage('CALL_ENDED', { externalCallId: 'before', callEndStatus: 'COMPLETED' }));
    expect(signals.map((signal) => signal.kind)).toEqual(['started']);
  });

  it('does not start listening when the stop signal is already aborted', () => {
    const host = fakeWindow('host');
    const widget = fakeWindow('widget', host);
    const signals: CallSignal[] = [];
    hubspotAdapter.start(
      asWindow(host),
      (signal) => signals.push(signal),
      AbortSignal.abort(),
      () => T0,
    );
    installMessagePrefilter(asWindow(host));
    host.dispatchEvent(messageEvent(widgetMessage('OUTGOING_CALL_STARTED'), widget));
    expect(signals).toEqual([]);
  });
});

describe('isFrameInside', () => {
  const host = fakeWindow('host');

  function chainOfDepth(depth: number): FakeWindow {
    let frame = host;
    for (let level = 0; level < depth; level++) frame = fakeWindow(`level-${level + 1}`, frame);
    return frame;
  }

  it.each([1, 2, 8])('is true for a frame nested %i level(s) deep', (depth) => {
    expect(isFrameInside(asWindow(host), asSource(chainOfDepth(depth)))).toBe(true);
  });

  it('gives up past eight levels of nesting', () => {
    expect(isFrameInside(asWindow(host), asSource(chainOfDepth(9)))).toBe(false);
  });

  it.each([
    ['null', null],
    ['the host itself', host],
    ['an unrelated top-level window', fakeWindow('other')],
    ['a throwing-parent window', throwingParentWindow()],
    ['an object without a parent', {}],
  ])('is false for %s', (_label, source) => {
    expect(isFrameInside(asWindow(host), asSource(source))).toBe(false);
  });

  it('is false when a frame inside the host is the host of the check and the source is its parent', () => {
    const child = fakeWindow('child', host);
    expect(isFrameInside(asWindow(child), asSource(host))).toBe(false);
  });
});
