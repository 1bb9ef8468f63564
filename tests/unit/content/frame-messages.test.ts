import { describe, expect, it, vi } from 'vitest';
import { PROTOCOL_ADAPTERS } from '../../../src/content/adapters/protocol-adapters';
import type { CallSignal } from '../../../src/messages/call-signal';

function post(frame: Window, data: unknown, source: unknown): void {
  const event = new Event('message');
  Object.defineProperties(event, { data: { value: data }, source: { value: source } });
  frame.dispatchEvent(event);
}

describe('frame messages shared by the protocol adapters', () => {
  it('puts one message listener on the frame for all of them, and takes it off when the last stops', () => {
    const frame = new EventTarget() as unknown as Window;
    const add = vi.spyOn(frame, 'addEventListener');
    const remove = vi.spyOn(frame, 'removeEventListener');
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
    expect(add.mock.calls.filter(([type]) => type === 'message')).toHaveLength(1);

    for (const controller of controllers.slice(1)) controller.abort();
    expect(remove).not.toHaveBeenCalled();
    controllers[0]?.abort();
    expect(remove.mock.calls.filter(([type]) => type === 'message')).toHaveLength(1);
  });

  it('routes each protocol’s messages to its own adapter, and none from the page itself', () => {
    const frame = new EventTarget() as unknown as Window;
    const widget = { parent: frame };
    const signals: CallSignal[] = [];
    const controller = new AbortController();
    for (const adapter of PROTOCOL_ADAPTERS) {
      adapter.start(
        frame,
        (signal) => signals.push(signal),
        controller.signal,
        () => 0,
      );
    }
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

  it('does not read what the page posts to itself: the browser would copy it into this world for nothing', () => {
    const frame = new EventTarget() as unknown as Window;
    const controller = new AbortController();
    for (const adapter of PROTOCOL_ADAPTERS)
      adapter.start(
        frame,
        () => undefined,
        controller.signal,
        () => 0,
      );
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
    expect(reads).toBe(0);
    controller.abort();
  });
});
