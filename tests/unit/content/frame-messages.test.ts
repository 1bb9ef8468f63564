import { describe, expect, it, vi } from 'vitest';
import { PROTOCOL_ADAPTERS } from '../../../src/content/adapters/protocol-adapters';
import type { CallSignal } from '../../../src/messages/call-signal';
import { FRAME_MESSAGE_EVENT, MESSAGE_GATES_EVENT, PREFILTER_READY_EVENT } from '../../../src/page/message-channel';
import { installMessagePrefilter } from '../../../src/page/message-prefilter';
import { standInFrame } from './adapter-harness';

function post(frame: Window, data: unknown, source: unknown): void {
  const event = new Event('message');
  Object.defineProperties(event, { data: { value: data }, source: { value: source } });
  frame.dispatchEvent(event);
}

function startAll(frame: Window, signals: CallSignal[] = []): AbortController {
  const controller = new AbortController();
  for (const adapter of PROTOCOL_ADAPTERS) {
    adapter.start(
      frame,
      (signal) => signals.push(signal),
      controller.signal,
      () => 0,
    );
  }
  return controller;
}

describe('frame messages shared by the protocol adapters', () => {
  it('puts one listener on the frame’s document for all of them, and takes it off when the last stops', () => {
    const frame = standInFrame();
    const add = vi.spyOn(frame.document, 'addEventListener');
    const remove = vi.spyOn(frame.document, 'removeEventListener');
    const controllers = PROTOCOL_ADAPTERS.map((adapter) => {
      const controller = new AbortController();
      adapter.start(
        frame,
        () => undefined,
        controller.signal,
        () => 0,
      );
      return controller;
    });
    expect(add.mock.calls.filter(([type]) => type === FRAME_MESSAGE_EVENT)).toHaveLength(1);
    expect(vi.spyOn(frame, 'addEventListener')).not.toHaveBeenCalled();

    for (const controller of controllers.slice(1)) controller.abort();
    expect(remove).not.toHaveBeenCalled();
    controllers[0]?.abort();
    expect(remove.mock.calls.filter(([type]) => type === FRAME_MESSAGE_EVENT)).toHaveLength(1);
  });

  it('routes each protocol’s messages to its own adapter, and none from the page itself', () => {
    const frame = standInFrame();
    installMessagePrefilter(frame);
    const widget = { parent: frame };
    const signals: CallSignal[] = [];
    const controller = startAll(frame, signals);
    post(frame, { type: 'presence', data: { seq: 1 } }, widget);
    post(frame, { name: 'apm_analytics_event', value: {} }, widget);
    post(frame, 'ping:1', widget);
    post(frame, { name: 'apm_phone_outgoing_call', value: { call_id: 7 } }, frame);
    expect(signals).toEqual([]);

    post(frame, { name: 'apm_phone_outgoing_call', value: { call_id: 7 } }, widget);
    post(frame, { type: 'OUTGOING_CALL_STARTED', data: { externalCallId: 'h1' }, messageId: 'm1' }, widget);
    expect(signals.map((signal) => [signal.source, signal.kind, signal.callId])).toEqual([
      ['aircall', 'started', '7'],
      ['hubspot', 'started', 'h1'],
    ]);
    controller.abort();
  });

  it('hears the prefilter whichever of the two starts first', () => {
    const early = standInFrame();
    installMessagePrefilter(early);
    const late = standInFrame();
    const signals: CallSignal[] = [];
    const controllers = [startAll(early, signals), startAll(late, signals)];
    installMessagePrefilter(late);
    for (const frame of [early, late])
      post(frame, { type: 'OUTGOING_CALL_STARTED', data: { externalCallId: 'x' }, messageId: 'm' }, { parent: frame });
    expect(signals).toHaveLength(2);
    for (const controller of controllers) controller.abort();
  });
});

describe('the MAIN-world prefilter', () => {
  const forwarded = (frame: Window) => {
    const details: unknown[] = [];
    frame.document.addEventListener(FRAME_MESSAGE_EVENT, (event) => details.push((event as CustomEvent).detail));
    return details;
  };
  const gate = (frame: Window, gates: unknown) =>
    frame.document.dispatchEvent(new CustomEvent(MESSAGE_GATES_EVENT, { detail: JSON.stringify(gates) }));

  it('passes on, as a JSON string, only what a nested frame posted with a kind it was told about', () => {
    const frame = standInFrame();
    installMessagePrefilter(frame);
    const details = forwarded(frame);
    const widget = { parent: frame };
    post(frame, { type: 'CALL_ENDED' }, widget);
    expect(details).toEqual([]);
    gate(frame, { type: ['CALL_ENDED'] });
    post(frame, { type: 'CALL_ENDED', data: { externalCallId: 'a' } }, widget);
    post(frame, { type: 'presence' }, widget);
    post(frame, 'CALL_ENDED', widget);
    post(frame, { type: 'CALL_ENDED' }, frame);
    post(frame, { type: 'CALL_ENDED' }, { parent: null });
    post(frame, { type: 'CALL_ENDED', blob: 'x'.repeat(20_000) }, widget);
    expect(details).toEqual([JSON.stringify({ type: 'CALL_ENDED', data: { externalCallId: 'a' } })]);
  });

  it('walks the frame tree only for a kind a dialer takes: a widget’s chatter costs a read of its kind', () => {
    const frame = standInFrame();
    installMessagePrefilter(frame);
    const details = forwarded(frame);
    gate(frame, { type: ['CALL_ENDED'], name: ['apm_phone_call_end'] });
    let walks = 0;
    const widget = {
      get parent() {
        walks += 1;
        return frame;
      },
    };
    post(frame, { type: 'presence', data: { seq: 1 } }, widget);
    post(frame, { name: 'apm_analytics_event', value: { n: 1 } }, widget);
    post(frame, 'ping:1', widget);
    expect(walks).toBe(0);
    post(frame, { name: 'apm_phone_call_end' }, widget);
    expect(walks).toBe(1);
    expect(details).toEqual([JSON.stringify({ name: 'apm_phone_call_end' })]);
  });

  it('stops reading a frame that floods the page with chatter, never a frame that posted a dialer’s kind', () => {
    const frame = standInFrame();
    installMessagePrefilter(frame);
    const details = forwarded(frame);
    gate(frame, { type: ['CALL_ENDED'] });
    const reads = new Map<object, number>();
    const postAt = (source: object, data: unknown, timeStamp: number) => {
      const event = new Event('message');
      Object.defineProperties(event, {
        data: {
          get() {
            reads.set(source, (reads.get(source) ?? 0) + 1);
            return data;
          },
        },
        source: { value: source },
        timeStamp: { value: timeStamp },
      });
      frame.dispatchEvent(event);
    };
    const chat = { parent: frame };
    const dialer = { parent: frame };
    postAt(dialer, { type: 'CALL_ENDED' }, 0);
    for (let at = 0; at < 5000; at += 5) {
      postAt(chat, { type: 'presence' }, at);
      postAt(dialer, { type: 'status' }, at);
    }
    // 200 a second each: the chat frame is read for three whole seconds, the dialer throughout.
    expect(reads.get(chat)).toBe(600);
    expect(reads.get(dialer)).toBe(1001);
    postAt(chat, { type: 'CALL_ENDED' }, 5500);
    expect(details).toEqual([JSON.stringify({ type: 'CALL_ENDED' })]);
    // A silent second, and the chat frame is read again.
    postAt(chat, { type: 'CALL_ENDED' }, 7000);
    expect(details).toHaveLength(2);
  });

  it('gates only add up: a forged gates event cannot take a kind away', () => {
    const frame = standInFrame();
    installMessagePrefilter(frame);
    const details = forwarded(frame);
    gate(frame, { type: ['CALL_ENDED'] });
    gate(frame, { type: [] });
    frame.document.dispatchEvent(new CustomEvent(MESSAGE_GATES_EVENT, { detail: 'not json' }));
    post(frame, { type: 'CALL_ENDED' }, { parent: frame });
    expect(details).toHaveLength(1);
  });

  it('says it is ready when it starts, so a content script that started first sends its gates again', () => {
    const frame = standInFrame();
    let ready = 0;
    frame.document.addEventListener(PREFILTER_READY_EVENT, () => {
      ready += 1;
    });
    installMessagePrefilter(frame);
    expect(ready).toBe(1);
  });

  it('never reads what the page posts to itself: no message crosses into the content script’s world', () => {
    const frame = standInFrame();
    installMessagePrefilter(frame);
    const controller = startAll(frame);
    const details = forwarded(frame);
    let reads = 0;
    const event = new Event('message');
    Object.defineProperties(event, {
      data: {
        get() {
          reads += 1;
          return { type: 'CALL_ENDED' };
        },
      },
      source: { value: frame },
    });
    frame.dispatchEvent(event);
    post(frame, { type: 'presence', data: { seq: 1 } }, { parent: frame });
    expect(reads).toBe(0);
    expect(details).toEqual([]);
    controller.abort();
  });
});
