/**
 * A call heard only through the WebRTC hook, in a frame of a known family's app, is that family's
 * call (its name in the toast, History, Insights and CSV, and a meeting's own nudge rule); on any
 * other site it stays a browser call.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { familyOfFrame } from '../../../src/background/frame-family';
import { LiveCalls } from '../../../src/background/live-calls';
import { createBackground } from '../../../src/background/message-handler';
import { createNudgeFlow, type HeldNudge, type ShortCall } from '../../../src/background/nudge-flow';
import type { EndedCall } from '../../../src/calls/call';
import { type LiveCallsState, liveCallSources } from '../../../src/calls/live-calls-state';
import { openReboundDb, type ReboundDb } from '../../../src/db/schema';
import type { WriteFailure } from '../../../src/db/write-failure';
import { familyAtPage } from '../../../src/dialers/catalog';
import { callSourceLabel } from '../../../src/format/call-source-label';
import type { CallSignal } from '../../../src/messages/call-signal';
import type { Runtime } from '../../../src/platform/browser';
import type { PendingRoutine } from '../../../src/routine/pending-routine';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { memorySlot } from '../fakes/memory-slot';

const EXTENSION_ID = 'rebound-test';
const T0 = 1_700_000_000_000;
const MIN = 60_000;
const TAB = 7;

/** A content script's frame, as the browser describes it. */
function frame(tabUrl: string, frameUrl: string, origin?: string): Runtime.MessageSender {
  return {
    id: EXTENSION_ID,
    tab: { id: TAB, url: tabUrl, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
    frameId: 3,
    url: frameUrl,
    ...(origin ? { origin } : {}),
  } as Runtime.MessageSender;
}

const signal = (fields: CallSignal) => ({ type: 'call-signal', signal: fields });

/** One connection of the hook's own, up for `lengthMs`. */
const hookCall = (lengthMs: number, id = 'pc-1') => [
  signal({ kind: 'started', source: 'webrtc', callId: id, at: T0 }),
  signal({ kind: 'ended', source: 'webrtc', callId: id, at: T0 + lengthMs }),
];

let db: ReboundDb;

function setup() {
  const liveSlot = memorySlot<LiveCallsState>();
  const settings = { ...DEFAULT_SETTINGS, minCallSeconds: 20, cooldownMinutes: 0 };
  const toasts: EndedCall[] = [];
  const nudgeFlow = createNudgeFlow({
    db,
    loadSettings: async () => settings,
    heldNudge: memorySlot<HeldNudge>(),
    lastNudgeAt: memorySlot<number>(),
    shortCalls: memorySlot<Record<string, ShortCall>>(),
    readSnooze: async () => undefined,
    async deliver({ call }) {
      toasts.push(call);
      return true;
    },
    now: () => T0 + 10 * MIN,
  });
  const background = createBackground({
    extensionId: EXTENSION_ID,
    extensionOrigin: `chrome-extension://${EXTENSION_ID}/`,
    db,
    liveCalls: new LiveCalls(liveSlot),
    nudgedCalls: memorySlot<Record<string, number>>(),
    pendingRoutine: memorySlot<PendingRoutine>(),
    writeFailure: memorySlot<WriteFailure>(),
    breathTab: memorySlot<number>(),
    loadSettings: async () => settings,
    nudgeAfter: nudgeFlow.afterCallsEnded,
    snooze: vi.fn(async () => undefined),
    refreshBadge: vi.fn(async () => undefined),
    openRoutine: vi.fn(async () => undefined),
    now: () => T0 + 10 * MIN,
  });
  const sendAll = async (messages: unknown[], sender: Runtime.MessageSender) => {
    for (const message of messages) await background.onMessage(message, sender);
  };
  return { sendAll, toasts, liveSlot };
}

beforeEach(() => {
  db = openReboundDb(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a call the WebRTC hook heard', () => {
  it('on a meeting app is the meeting’s: its name, and the meeting minimum instead of the call one', async () => {
    const { sendAll, toasts } = setup();
    const meet = frame('https://meet.google.com/abc-defg-hij', 'https://meet.google.com/abc-defg-hij');
    await sendAll(hookCall(2 * MIN), meet);
    await sendAll(hookCall(6 * MIN, 'pc-2'), meet);

    const rows = await db.calls.orderBy('id').toArray();
    expect(rows.map((row) => [row.source, row.host, row.durationMs])).toEqual([
      ['google-meet', 'meet.google.com', 2 * MIN],
      ['google-meet', 'meet.google.com', 6 * MIN],
    ]);
    // Two minutes pass the call minimum (20 s) but not a meeting's (5 min): only the long one is asked about.
    expect(toasts.map((call) => call.durationMs)).toEqual([6 * MIN]);
    expect(callSourceLabel('google-meet')).toBe('Google Meet');
  });

  it('in a contact centre’s softphone frame inside the rep’s CRM is the contact centre’s, on the CRM tab', async () => {
    const { sendAll } = setup();
    await sendAll(hookCall(MIN), frame('https://crm.acme.test/desk', 'https://acme.my.connect.aws/ccp-v2/softphone'));
    const [row] = await db.calls.toArray();
    expect(row).toMatchObject({ source: 'amazon-connect', host: 'crm.acme.test' });
  });

  it('names the family while the call is live (the popup’s “On a call in …”)', async () => {
    const { sendAll, liveSlot } = setup();
    await sendAll(
      hookCall(MIN).slice(0, 1),
      frame('https://teams.microsoft.com/v2/', 'https://teams.microsoft.com/v2/'),
    );
    expect(await liveCallSources(liveSlot)).toEqual(['teams-work']);
  });

  it('on a site the rep added, or any unknown host, stays a browser call', async () => {
    const { sendAll, toasts } = setup();
    await sendAll(hookCall(MIN), frame('https://crm.acme.test/desk', 'https://softphone.acme.test/phone'));
    const [row] = await db.calls.toArray();
    expect(row).toMatchObject({ source: 'webrtc', host: 'crm.acme.test' });
    expect(toasts).toHaveLength(1);
    expect(callSourceLabel('webrtc')).toBe('Browser call');
  });

  it('joins a dialer’s own call as before: the dialer names it, wherever the audio was heard', async () => {
    const { sendAll } = setup();
    const meetFrame = frame('https://app.hubspot.com/contacts/1', 'https://meet.google.com/x');
    const hubspotFrame = frame('https://app.hubspot.com/contacts/1', 'https://app.hubspot.com/contacts/1');
    await sendAll([signal({ kind: 'started', source: 'webrtc', callId: 'pc-1', at: T0 })], meetFrame);
    await sendAll([signal({ kind: 'started', source: 'hubspot', callId: 'h1', at: T0 + 500 })], hubspotFrame);
    await sendAll([signal({ kind: 'ended', source: 'hubspot', callId: 'h1', at: T0 + MIN })], hubspotFrame);
    await sendAll([signal({ kind: 'ended', source: 'webrtc', callId: 'pc-1', at: T0 + MIN })], meetFrame);
    expect((await db.calls.toArray()).map((row) => row.source)).toEqual(['hubspot']);
  });

  it('does not take a dialer’s own signal for the family whose frame sent it', async () => {
    const { sendAll } = setup();
    const meetFrame = frame('https://meet.google.com/x', 'https://meet.google.com/x');
    await sendAll(
      [
        signal({ kind: 'started', source: 'hubspot', callId: 'h1', at: T0 }),
        signal({ kind: 'ended', source: 'hubspot', callId: 'h1', at: T0 + MIN }),
      ],
      meetFrame,
    );
    expect((await db.calls.toArray()).map((row) => row.source)).toEqual(['hubspot']);
  });
});

describe('familyOfFrame', () => {
  it('reads the frame the browser reports: its address, else its origin, else the page that made it', () => {
    expect(familyOfFrame(frame('https://crm.acme.test/', 'https://app.zoom.us/wc/123/join'))).toBe('zoom-meetings');
    expect(familyOfFrame(frame('https://crm.acme.test/', 'about:blank', 'https://meet.google.com'))).toBe(
      'google-meet',
    );
    expect(familyOfFrame(frame('https://meet.google.com/abc', 'about:blank'))).toBe('google-meet');
    expect(familyOfFrame(frame('https://crm.acme.test/', 'about:srcdoc', 'https://crm.acme.test'))).toBeUndefined();
  });

  it('follows a family’s path as well as its host', () => {
    expect(familyAtPage('https://acme.zoom.us/wc/join/123')?.id).toBe('zoom-meetings');
    expect(familyAtPage('https://acme.zoom.us/j/123')).toBeUndefined();
    expect(familyAtPage('https://meet.google.com.evil.test/')).toBeUndefined();
  });
});
