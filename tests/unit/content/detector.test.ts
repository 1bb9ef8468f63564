import { describe, expect, it } from 'vitest';
import type { DialerAdapter, EmitSignal } from '../../../src/content/adapters/adapter';
import { MAX_SIGNALS_PER_SECOND, startDetector } from '../../../src/content/detector';
import type { CallSignal } from '../../../src/messages/call-signal';

/** An adapter the test drives by hand. */
function manualAdapter() {
  let emit: EmitSignal = () => undefined;
  const adapter: DialerAdapter = {
    id: 'manual',
    matches: () => true,
    start: (_frame, e) => {
      emit = e;
    },
  };
  return { adapter, emit: (signal: CallSignal) => emit(signal) };
}

function detect() {
  const { adapter, emit } = manualAdapter();
  const sent: CallSignal[] = [];
  const stop = startDetector({
    frame: {} as Window,
    adapters: [adapter],
    send: async (signal) => sent.push(signal),
  });
  return { emit, sent, stop };
}

describe('detector', () => {
  it('sends a signal repeated within a second once, and again after', () => {
    const { emit, sent } = detect();
    const end = { kind: 'ended', source: 'manual', callId: 'c1' } as const;
    emit({ ...end, at: 0 });
    emit({ ...end, at: 500, outcome: undefined });
    emit({ ...end, at: 1500 });
    expect(sent.map((signal) => signal.at)).toEqual([0, 1500]);
    expect(sent[0]).not.toHaveProperty('outcome');
  });

  it('lets at most a bounded number of signals out per second under a flood of made-up calls', () => {
    const { emit, sent } = detect();
    for (let i = 0; i < 10_000; i++) emit({ kind: 'started', source: 'manual', callId: `forged-${i}`, at: i / 10 });
    // 10 000 signals over one second of page time.
    expect(sent).toHaveLength(MAX_SIGNALS_PER_SECOND);
    emit({ kind: 'ended', source: 'manual', callId: 'real', at: 1000 });
    expect(sent.at(-1)).toMatchObject({ callId: 'real' });
  });

  it('sends nothing once stopped', () => {
    const { emit, sent, stop } = detect();
    stop();
    emit({ kind: 'started', source: 'manual', at: 0 });
    expect(sent).toEqual([]);
  });
});
