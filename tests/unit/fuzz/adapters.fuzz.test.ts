/**
 * Every postMessage adapter against 10,000 random and hostile messages: nothing throws, nothing
 * from outside the page's own frames becomes a signal, and whatever becomes a signal is one the
 * background accepts.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { DialerAdapter } from '../../../src/content/adapters/adapter';
import { aircallAdapter } from '../../../src/content/adapters/aircall';
import { dialpadAdapter } from '../../../src/content/adapters/dialpad';
import { hubspotAdapter } from '../../../src/content/adapters/hubspot';
import { justcallAdapter } from '../../../src/content/adapters/justcall';
import { ringcentralAdapter } from '../../../src/content/adapters/ringcentral';
import { zoomPhoneAdapter } from '../../../src/content/adapters/zoom-phone';
import { type CallSignal, callSignalSchema } from '../../../src/messages/call-signal';
import { installMessagePrefilter } from '../../../src/page/message-prefilter';

const RUNS = 10_000;

type FakeWindow = EventTarget & { parent: unknown; document: EventTarget };
const fakeWindow = (parent?: FakeWindow): FakeWindow => {
  const win = Object.assign(new EventTarget(), { parent: undefined as unknown, document: new EventTarget() });
  win.parent = parent ?? win;
  return win;
};

/** Strings that have broken parsers before: prototype names, huge, control and odd unicode. */
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', '\u0000', '\u202e', '💥'),
  fc.string({ minLength: 150, maxLength: 5000 }),
);

/** Messages shaped almost like the protocol's: the right keys with wrong, missing or odd values. */
function nearMiss(types: readonly string[], dataKeys: readonly string[], typeKey = 'type', dataKey = 'data') {
  const value = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.anything());
  return fc.record(
    {
      [typeKey]: fc.oneof(fc.constantFrom(...types), hostileString),
      [dataKey]: fc.oneof(fc.dictionary(fc.constantFrom(...dataKeys), value), fc.anything()),
      messageId: fc.oneof(hostileString, fc.integer()),
    },
    { requiredKeys: [] },
  );
}

interface FuzzCase {
  adapter: DialerAdapter;
  messages: fc.Arbitrary<unknown>;
}

const ADAPTER_FUZZ_CASES: FuzzCase[] = [
  {
    adapter: hubspotAdapter,
    messages: fc.oneof(
      fc.anything(),
      nearMiss(
        ['OUTGOING_CALL_STARTED', 'INCOMING_CALL', 'CALL_ANSWERED', 'CALL_ENDED', 'CALL_COMPLETED'],
        ['externalCallId', 'callEndStatus', 'callStartTime', 'toNumber', 'fromNumber'],
      ),
    ),
  },
  {
    adapter: ringcentralAdapter,
    messages: fc.oneof(
      fc.anything(),
      nearMiss(
        [
          'rc-call-ring-notify',
          'rc-call-init-notify',
          'rc-call-start-notify',
          'rc-call-hold-notify',
          'rc-call-end-notify',
        ],
        ['id', 'direction', 'startTime', 'endTime'],
        'type',
        'call',
      ),
    ),
  },
  {
    adapter: aircallAdapter,
    messages: fc.oneof(
      fc.anything(),
      nearMiss(
        [
          'apm_phone_incoming_call',
          'apm_phone_outgoing_answered',
          'apm_phone_call_end_ringtone',
          'apm_phone_call_ended',
        ],
        ['call_id', 'answer_status', 'duration'],
        'name',
        'value',
      ),
    ),
  },
  {
    adapter: justcallAdapter,
    messages: fc.oneof(
      fc.anything(),
      nearMiss(['call-ringing', 'call-answered', 'call-ended'], ['call_sid', 'direction', 'duration'], 'name'),
    ),
  },
  {
    adapter: zoomPhoneAdapter,
    messages: fc.oneof(
      fc.anything(),
      nearMiss(
        ['zp-call-ringing-event', 'zp-call-connected-event', 'zp-call-ended-event', 'zp-call-log-completed-event'],
        ['callId', 'direction', 'callLogs'],
      ),
    ),
  },
  {
    adapter: dialpadAdapter,
    messages: fc.oneof(
      fc.anything(),
      fc.record({
        api: fc.oneof(fc.constant('opencti_dialpad'), hostileString),
        method: fc.oneof(fc.constant('call_ringing'), hostileString),
        payload: fc.oneof(
          fc.record(
            { state: fc.oneof(fc.constantFrom('on', 'off'), hostileString), id: fc.anything() },
            { requiredKeys: [] },
          ),
          fc.anything(),
        ),
      }),
    ),
  },
];

describe.each(ADAPTER_FUZZ_CASES)('$adapter.id adapter under fuzzing', ({ adapter, messages }) => {
  // 10,000 runs of CPU work: on a busy machine they outlast the 5 s default, as in the other fuzz files.
  it(`never throws and only turns its own frames' messages into valid signals (${RUNS} runs)`, () => {
    let produced = 0;
    fc.assert(
      fc.property(messages, fc.constantFrom('child', 'grandchild', 'self', 'stranger', 'none'), (data, from) => {
        const host = fakeWindow();
        const child = fakeWindow(host);
        const sources = { child, grandchild: fakeWindow(child), self: host, stranger: fakeWindow(), none: null };
        const signals: CallSignal[] = [];
        const stop = new AbortController();
        adapter.start(
          host as unknown as Window,
          (signal) => signals.push(signal),
          stop.signal,
          () => 1_700_000_000_000,
        );
        // As in the browser: the page's message events pass the MAIN-world prefilter first.
        installMessagePrefilter(host as unknown as Window);
        host.dispatchEvent(Object.assign(new Event('message'), { data, source: sources[from] }));
        stop.abort();
        if (from === 'self' || from === 'stranger' || from === 'none') expect(signals).toEqual([]);
        for (const signal of signals) expect(v.safeParse(callSignalSchema, signal).success).toBe(true);
        produced += signals.length;
      }),
      { numRuns: RUNS },
    );
    // The near-miss messages must reach the accepting path too, or the fuzz proves little.
    expect(produced).toBeGreaterThan(0);
  }, 120_000);
});
