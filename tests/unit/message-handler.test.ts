import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { homeSnapshotWriter } from '../../src/background/home-snapshot-writer';
import { LiveCalls } from '../../src/background/live-calls';
import { createBackground } from '../../src/background/message-handler';
import { createNudgeFlow, type HeldNudge, type ShortCall } from '../../src/background/nudge-flow';
import { signalRateLimit } from '../../src/background/signal-rate-limit';
import type { EndedCall } from '../../src/calls/call';
import type { LiveCallsState } from '../../src/calls/live-calls-state';
import type { StoredHomeSnapshot } from '../../src/db/home-snapshot';
import { openReboundDb, type ReboundDb } from '../../src/db/schema';
import type { WriteFailure } from '../../src/db/write-failure';
import type { CallSignal } from '../../src/messages/call-signal';
import type { Runtime } from '../../src/platform/browser';
import type { PendingRoutine } from '../../src/routine/pending-routine';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import type { CallTalk } from '../../src/talk/conversation-figures';
import { memorySlot } from './fakes/memory-slot';

const EXTENSION_ID = 'rebound-test';
const EXTENSION_ORIGIN = 'chrome-extension://rebound-test/';
const NOW = 1_700_000_500_000;
const T0 = 1_700_000_000_000;
const TAB = 7;
const OTHER_TAB = 8;

const fromTab = (tabId = TAB, tabUrl = 'https://app.hubspot.com/contacts/123/record/0-1/456'): Runtime.MessageSender =>
  ({
    id: EXTENSION_ID,
    tab: { id: tabId, url: tabUrl, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
    frameId: 5,
    url: 'https://calling-widget.example/softphone?embed=1',
  }) as Runtime.MessageSender;

const fromExtensionPage = (path = 'popup/index.html'): Runtime.MessageSender => ({
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}${path}`,
});

const callSignal = (fields: Omit<CallSignal, 'source'>) => ({
  type: 'call-signal',
  signal: { source: 'hubspot', ...fields },
});

const fullCall = (callId: string, at = T0) => [
  callSignal({ kind: 'started', callId, at, direction: 'outbound' }),
  callSignal({ kind: 'answered', callId, at: at + 5_000 }),
  callSignal({ kind: 'ended', callId, at: at + 65_000, outcome: 'completed' }),
];

let db: ReboundDb;

/** A promise the test opens when it chooses: work held mid-way. */
function gated() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

function setup(settings: Settings = { ...DEFAULT_SETTINGS, minCallSeconds: 0 }) {
  const liveSlot = memorySlot<LiveCallsState>();
  const liveCalls = new LiveCalls(liveSlot);
  const nudgedCalls = memorySlot<Record<string, number>>();
  const pendingRoutine = memorySlot<PendingRoutine>();
  const writeFailure = memorySlot<WriteFailure>();
  const breathTab = memorySlot<number>();
  const loadSettings = vi.fn(async () => settings);
  // The real policy and flow; only the toast itself is a stand-in (it needs a tab).
  const showToast = vi.fn(async (_call: EndedCall, _settings: Settings) => true);
  const nudgeFlow = createNudgeFlow({
    db,
    loadSettings,
    heldNudge: memorySlot<HeldNudge>(),
    shortCalls: memorySlot<Record<string, ShortCall>>(),
    lastNudgeAt: memorySlot<number>(),
    readSnooze: async () => undefined,
    async deliver({ call, settings: current }) {
      if (!(await showToast(call, current))) return false;
      await nudgedCalls.write({ ...(await nudgedCalls.read()), [call.callKey]: call.tabId });
      return true;
    },
    now: () => NOW,
  });
  const deps = {
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    db,
    liveCalls,
    nudgedCalls,
    pendingRoutine,
    writeFailure,
    breathTab,
    loadSettings,
    nudgeAfter: nudgeFlow.afterCallsEnded,
    nudgeAfterLateTalk: nudgeFlow.afterLateTalk,
    snooze: vi.fn(async (_choice: string, _now: number) => undefined),
    showToast,
    refreshBadge: vi.fn(async () => undefined),
    openRoutine: vi.fn(async () => undefined),
    now: () => NOW,
    onDropped: vi.fn((_reason: string) => undefined),
  };
  const background = createBackground(deps);
  const send = (message: unknown, sender: Runtime.MessageSender = fromTab()) => background.onMessage(message, sender);
  const sendAll = async (messages: unknown[], sender?: Runtime.MessageSender) => {
    for (const message of messages) await send(message, sender);
  };
  return {
    background,
    deps,
    send,
    sendAll,
    liveCalls,
    liveSlot,
    nudgedCalls,
    pendingRoutine,
    writeFailure,
    breathTab,
  };
}

beforeEach(() => {
  db = openReboundDb(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('createBackground', () => {
  describe('call signals', () => {
    it('record a finished call once and show one toast in its tab', async () => {
      const { deps, sendAll, nudgedCalls } = setup();
      await sendAll(fullCall('abc'));

      const rows = await db.calls.toArray();
      expect(rows).toEqual([
        {
          id: expect.any(Number),
          callKey: 'hubspot:abc',
          source: 'hubspot',
          host: 'app.hubspot.com',
          direction: 'outbound',
          startedAt: T0,
          endedAt: T0 + 65_000,
          durationMs: 60_000,
          outcome: 'completed',
          endReason: 'hang-up',
          tags: [],
        },
      ]);
      expect(deps.showToast).toHaveBeenCalledTimes(1);
      expect(deps.showToast.mock.calls[0]?.[0]).toMatchObject({ callKey: 'hubspot:abc', tabId: TAB });
      expect(nudgedCalls.value).toEqual({ 'hubspot:abc': TAB });
    });

    it('answer call signals with ok', async () => {
      const { send } = setup();
      await expect(send(callSignal({ kind: 'started', callId: 'abc', at: T0 }))).resolves.toEqual({ ok: true });
    });

    it('write nothing more and show no second toast for a repeated end', async () => {
      const { deps, send, sendAll } = setup();
      await sendAll(fullCall('abc'));
      await send(callSignal({ kind: 'ended', callId: 'abc', at: T0 + 65_100, outcome: 'completed' }));
      await send(callSignal({ kind: 'ended', callId: 'abc', at: T0 + 66_000 }));
      expect(await db.calls.count()).toBe(1);
      expect(deps.showToast).toHaveBeenCalledTimes(1);
    });

    it('record a call whose outcome the settings skip, but show no toast', async () => {
      const { deps, sendAll, nudgedCalls } = setup({
        ...DEFAULT_SETTINGS,
        minCallSeconds: 0,
        skipOutcomes: ['completed'],
      });
      await sendAll(fullCall('abc'));
      expect(await db.calls.count()).toBe(1);
      expect(deps.showToast).not.toHaveBeenCalled();
      expect(nudgedCalls.value).toBeUndefined();
    });

    it('record a call shorter than the minimum, but show no toast', async () => {
      const { deps, sendAll } = setup({ ...DEFAULT_SETTINGS, minCallSeconds: 61 });
      await sendAll(fullCall('abc'));
      expect(await db.calls.count()).toBe(1);
      expect(deps.showToast).not.toHaveBeenCalled();
    });

    it('show no toast while another call is live in another tab', async () => {
      const { deps, send, sendAll } = setup();
      await send(callSignal({ kind: 'started', callId: 'other', at: T0 }), fromTab(OTHER_TAB));
      await sendAll(fullCall('abc'));
      expect(await db.calls.count()).toBe(1);
      expect(deps.showToast).not.toHaveBeenCalled();
    });

    it('do not remember a nudge the tab could not show', async () => {
      const { deps, sendAll, nudgedCalls } = setup();
      deps.showToast.mockResolvedValue(false);
      await sendAll(fullCall('abc'));
      expect(deps.showToast).toHaveBeenCalledTimes(1);
      expect(nudgedCalls.value).toBeUndefined();
    });

    it('take the host from the sender tab’s URL, not from the frame or the message', async () => {
      const { send, sendAll, deps } = setup();
      await sendAll(fullCall('abc'), fromTab(TAB, 'https://crm.example.org:8443/deals/1'));
      expect((await db.calls.toArray()).map((row) => row.host)).toEqual(['crm.example.org:8443']);

      const forged = { ...callSignal({ kind: 'ended', callId: 'forged', at: T0 }), host: 'evil.example' };
      await send(forged);
      const forgedSignal = callSignal({ kind: 'ended', callId: 'forged2', at: T0 });
      await send({ ...forgedSignal, signal: { ...forgedSignal.signal, host: 'evil.example' } });
      expect(await db.calls.count()).toBe(1);
      expect(deps.onDropped).toHaveBeenCalledTimes(2);
      expect(deps.onDropped).toHaveBeenCalledWith('malformed');
    });

    it('fall back to the frame URL’s host when the tab URL is not visible', async () => {
      const { sendAll } = setup();
      const sender = fromTab();
      if (sender.tab) delete sender.tab.url;
      await sendAll(fullCall('abc'), sender);
      expect((await db.calls.toArray()).map((row) => row.host)).toEqual(['calling-widget.example']);
    });
  });

  describe('figures that come after the dialer ended the call', () => {
    const rough: CallTalk = {
      figures: {
        heardS: 12,
        repTalkS: 11,
        otherTalkS: 11,
        overtalkS: 10,
        longestOtherS: 4,
        longestRepS: 4,
        silenceS: 0,
        loudMoments: 0,
      },
      timeline: [[3, 12]],
    };
    const webrtc = (fields: Omit<CallSignal, 'source'>) => ({
      type: 'call-signal',
      signal: { source: 'webrtc', ...fields },
    });
    const shortRoughCall = [
      callSignal({ kind: 'started', callId: 'h1', at: NOW - 15_000 }),
      webrtc({ kind: 'started', callId: 'a-1', at: NOW - 14_000 }),
      callSignal({ kind: 'ended', callId: 'h1', at: NOW - 2_000, outcome: 'completed' }),
    ];

    it('nudge a short call once, when they show it sounded rough, and join its row', async () => {
      const { deps, send, sendAll } = setup({ ...DEFAULT_SETTINGS, minCallSeconds: 20 });
      await sendAll(shortRoughCall);
      expect(deps.showToast).not.toHaveBeenCalled();

      await send(webrtc({ kind: 'ended', callId: 'a-1', at: NOW - 1_000, talk: rough }));
      expect(deps.showToast).toHaveBeenCalledTimes(1);
      expect(deps.showToast.mock.calls[0]?.[0]).toMatchObject({ callKey: 'hubspot:h1', talk: rough });
      expect((await db.calls.toArray()).map((row) => row.talk)).toEqual([rough]);

      await send(webrtc({ kind: 'ended', callId: 'a-1', at: NOW - 500, talk: rough }));
      expect(deps.showToast).toHaveBeenCalledTimes(1);
    });

    it('nudge too when they come while the call still waits for its write', async () => {
      const { deps, send } = setup({ ...DEFAULT_SETTINGS, minCallSeconds: 20 });
      for (const message of shortRoughCall.slice(0, 2)) await send(message);
      // The end and the figures arrive together: the second is applied before the first is written.
      await Promise.all([
        send(shortRoughCall[2]),
        send(webrtc({ kind: 'ended', callId: 'a-1', at: NOW - 1_000, talk: rough })),
      ]);
      expect(deps.showToast).toHaveBeenCalledTimes(1);
      expect((await db.calls.toArray()).map((row) => row.talk)).toEqual([rough]);
    });
  });

  describe('rate-call', () => {
    it('from the nudged tab sets the rating and refreshes the badge', async () => {
      const { deps, send, sendAll } = setup();
      await sendAll(fullCall('abc'));
      await expect(send({ type: 'rate-call', callKey: 'hubspot:abc', rating: 'tough' })).resolves.toEqual({ ok: true });
      const row = await db.calls.where('callKey').equals('hubspot:abc').first();
      expect(row?.rating).toBe('tough');
      expect(row?.ratedAt).toBe(NOW);
      expect(deps.refreshBadge).toHaveBeenCalledTimes(1);
    });

    it('answers once the stamp has moved on, before the badge and the home snapshot, which still follow', async () => {
      const { deps, sendAll } = setup();
      await sendAll(fullCall('abc'));
      const gate = gated();
      const historyChanged = memorySlot<number>();
      const snapshot = memorySlot<StoredHomeSnapshot>();
      const snapshots = homeSnapshotWriter({
        historyChanged,
        snapshot,
        read: async () => {
          await gate.opened;
          return { last: null, today: { calls: 1, tough: 1, resets: 0 }, followUps: [] };
        },
        now: () => NOW,
      });
      const refreshBadge = vi.fn(() => gate.opened);
      const background = createBackground({ ...deps, refreshBadge, onHistoryChanged: snapshots.change });

      for (const [rating, stamp] of [
        ['fine', NOW],
        ['tough', NOW + 1],
      ] as const) {
        await expect(
          background.onMessage({ type: 'rate-call', callKey: 'hubspot:abc', rating }, fromTab()),
        ).resolves.toEqual({ ok: true });
        expect(historyChanged.value).toBe(stamp);
        expect(snapshot.value).toBeUndefined();
      }
      expect(refreshBadge).toHaveBeenCalledTimes(2);

      gate.open();
      await vi.waitFor(() => expect(snapshot.value?.basedOn).toBe(historyChanged.value));
    });

    it('does not answer before the stamp has moved on', async () => {
      const { deps, sendAll } = setup();
      await sendAll(fullCall('abc'));
      const gate = gated();
      const stamped = vi.fn(() => gate.opened);
      const background = createBackground({
        ...deps,
        onHistoryChanged: () => ({ stamped: stamped(), refreshed: gate.opened }),
      });
      let answered = false;
      const reply = Promise.resolve(
        background.onMessage({ type: 'rate-call', callKey: 'hubspot:abc', rating: 'fine' }, fromTab()),
      ).then((value) => {
        answered = true;
        return value;
      });
      await vi.waitFor(() => expect(stamped).toHaveBeenCalled());
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(answered).toBe(false);
      gate.open();
      await expect(reply).resolves.toEqual({ ok: true });
    });

    it('from another tab is dropped and changes nothing', async () => {
      const { deps, send, sendAll } = setup();
      await sendAll(fullCall('abc'));
      expect(
        await send({ type: 'rate-call', callKey: 'hubspot:abc', rating: 'tough' }, fromTab(OTHER_TAB)),
      ).toBeUndefined();
      const row = await db.calls.where('callKey').equals('hubspot:abc').first();
      expect(row?.rating).toBeUndefined();
      expect(row?.ratedAt).toBeUndefined();
      expect(deps.refreshBadge).not.toHaveBeenCalled();
      expect(deps.onDropped).toHaveBeenCalledWith('rate-call for a call not nudged here');
    });

    it('for a call that was never nudged is dropped', async () => {
      const { deps, send, sendAll } = setup({ ...DEFAULT_SETTINGS, minCallSeconds: 0, skipOutcomes: ['completed'] });
      await sendAll(fullCall('abc'));
      await send({ type: 'rate-call', callKey: 'hubspot:abc', rating: 'fine' });
      expect((await db.calls.toArray())[0]?.rating).toBeUndefined();
      expect(deps.onDropped).toHaveBeenCalledTimes(1);
    });
  });

  describe('open-reset', () => {
    it('from the nudged tab leaves a pending after-call routine and opens the routine', async () => {
      const { deps, send, sendAll, pendingRoutine } = setup();
      await sendAll(fullCall('abc'));
      await expect(send({ type: 'open-reset', callKey: 'hubspot:abc' })).resolves.toEqual({ ok: true });
      expect(pendingRoutine.value).toEqual({ kind: 'after-call', callKey: 'hubspot:abc', requestedAt: NOW });
      expect(deps.openRoutine).toHaveBeenCalledTimes(1);
    });

    it('from another tab is dropped', async () => {
      const { deps, send, sendAll, pendingRoutine } = setup();
      await sendAll(fullCall('abc'));
      await send({ type: 'open-reset', callKey: 'hubspot:abc' }, fromTab(OTHER_TAB));
      expect(pendingRoutine.value).toBeUndefined();
      expect(deps.openRoutine).not.toHaveBeenCalled();
      expect(deps.onDropped).toHaveBeenCalledWith('open-reset for a call not nudged here');
    });
  });

  describe('open-rough-run', () => {
    it('from the nudged tab leaves a pending rough run for that call and opens the routine', async () => {
      const { deps, send, sendAll, pendingRoutine } = setup();
      await sendAll(fullCall('abc'));
      await expect(send({ type: 'open-rough-run', callKey: 'hubspot:abc' })).resolves.toEqual({ ok: true });
      expect(pendingRoutine.value).toEqual({ kind: 'rough-run', callKey: 'hubspot:abc', requestedAt: NOW });
      expect(deps.openRoutine).toHaveBeenCalledTimes(1);
    });

    it('from another tab is dropped', async () => {
      const { deps, send, sendAll, pendingRoutine } = setup();
      await sendAll(fullCall('abc'));
      await send({ type: 'open-rough-run', callKey: 'hubspot:abc' }, fromTab(OTHER_TAB));
      expect(pendingRoutine.value).toBeUndefined();
      expect(deps.openRoutine).not.toHaveBeenCalled();
      expect(deps.onDropped).toHaveBeenCalledWith('open-rough-run for a call not nudged here');
    });
  });

  describe('drops', () => {
    const valid = callSignal({ kind: 'ended', callId: 'x', at: T0, outcome: 'completed' });

    it.each<[string, unknown, () => Runtime.MessageSender, string]>([
      ['a string', 'call-signal', () => fromTab(), 'malformed'],
      ['null', null, () => fromTab(), 'malformed'],
      ['an unknown type', { type: 'delete-everything' }, () => fromTab(), 'malformed'],
      ['a signal with a bad kind', callSignal({ kind: 'hung-up' as 'ended', at: T0 }), () => fromTab(), 'malformed'],
      ['a signal with a negative time', callSignal({ kind: 'ended', at: -1 }), () => fromTab(), 'malformed'],
      [
        'a signal with a bad source',
        { ...valid, signal: { ...valid.signal, source: 'Hub Spot' } },
        () => fromTab(),
        'malformed',
      ],
      ['a rating outside the list', { type: 'rate-call', callKey: 'k', rating: 'awful' }, () => fromTab(), 'malformed'],
      ['a foreign sender id', valid, () => ({ ...fromTab(), id: 'some-other-extension' }), 'foreign sender'],
      ['no sender id', valid, () => ({ ...fromTab(), id: undefined }), 'foreign sender'],
      ['no tab', valid, () => ({ id: EXTENSION_ID, url: 'https://app.hubspot.com/' }), 'no tab'],
      [
        'a tab without an id',
        valid,
        () => ({ ...fromTab(), tab: { ...fromTab().tab, id: undefined } }) as Runtime.MessageSender,
        'no tab',
      ],
      ['a tab id of -1', valid, () => fromTab(-1), 'no tab'],
      [
        'no host anywhere',
        valid,
        () => ({ id: EXTENSION_ID, tab: { ...fromTab().tab, url: undefined } }) as Runtime.MessageSender,
        'no tab',
      ],
      ['a call signal from an extension page', valid, () => fromExtensionPage(), 'call-signal from an extension page'],
      [
        'a rate-call from an extension page',
        { type: 'rate-call', callKey: 'hubspot:x', rating: 'fine' },
        () => fromExtensionPage(),
        'rate-call from an extension page',
      ],
      [
        'an open-reset from an extension page in a tab',
        { type: 'open-reset', callKey: 'hubspot:x' },
        () => ({ ...fromTab(), url: `${EXTENSION_ORIGIN}popup/index.html?window=1` }),
        'open-reset from an extension page',
      ],
      [
        'a history-changed from a web page',
        { type: 'history-changed' },
        () => fromTab(),
        'history-changed from a web page',
      ],
    ])('%s', async (_label, message, sender, reason) => {
      const { deps, send, liveSlot, nudgedCalls, pendingRoutine } = setup();
      expect(await send(message, sender())).toBeUndefined();
      expect(deps.onDropped).toHaveBeenCalledTimes(1);
      expect(deps.onDropped).toHaveBeenCalledWith(reason);
      expect(await db.calls.count()).toBe(0);
      expect(liveSlot.value).toBeUndefined();
      expect(nudgedCalls.value).toBeUndefined();
      expect(pendingRoutine.value).toBeUndefined();
      expect(deps.showToast).not.toHaveBeenCalled();
      expect(deps.refreshBadge).not.toHaveBeenCalled();
      expect(deps.openRoutine).not.toHaveBeenCalled();
    });

    it('a rate-call from the nudged tab when the sender id is foreign', async () => {
      const { deps, send, sendAll } = setup();
      await sendAll(fullCall('abc'));
      await send({ type: 'rate-call', callKey: 'hubspot:abc', rating: 'tough' }, { ...fromTab(), id: 'intruder' });
      expect((await db.calls.toArray())[0]?.rating).toBeUndefined();
      expect(deps.onDropped).toHaveBeenCalledWith('foreign sender');
    });
  });

  it('refreshes the badge for history-changed from an extension page', async () => {
    const { deps, send } = setup();
    await expect(send({ type: 'history-changed' }, fromExtensionPage())).resolves.toEqual({ ok: true });
    expect(deps.refreshBadge).toHaveBeenCalledTimes(1);
    expect(deps.onDropped).not.toHaveBeenCalled();
  });

  it('does not take a look-alike origin for an extension page', async () => {
    const { deps, send } = setup();
    await send(
      { type: 'history-changed' },
      { id: EXTENSION_ID, url: 'chrome-extension://rebound-test.evil/popup.html' },
    );
    expect(deps.refreshBadge).not.toHaveBeenCalled();
    expect(deps.onDropped).toHaveBeenCalledWith('no tab');
  });

  describe('tab events', () => {
    it('a closed tab records its live call with endReason tab-closed', async () => {
      const { background, deps, sendAll } = setup();
      await sendAll(fullCall('abc').slice(0, 2));
      await background.handleTrackerEvent({ kind: 'tab-closed', tabId: TAB, at: T0 + 35_000 });
      const rows = await db.calls.toArray();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ callKey: 'hubspot:abc', endReason: 'tab-closed', durationMs: 30_000 });
      expect(deps.showToast).toHaveBeenCalledTimes(1);
    });
  });

  describe('what outlives the session', () => {
    it('waits for the restart recovery, hands every event’s live calls to the shadows, and says when it is quiet', async () => {
      const { deps } = setup();
      const seen: string[][] = [];
      const quiet = vi.fn(async () => undefined);
      const historyChanged = vi.fn(() => ({ stamped: Promise.resolve(), refreshed: Promise.resolve() }));
      let recovered = false;
      const background = createBackground({
        ...deps,
        ready: new Promise((resolve) => setTimeout(resolve, 20)).then(() => {
          recovered = true;
        }),
        onLiveCalls: async (live) => {
          expect(recovered).toBe(true);
          seen.push(live.map((call) => call.callKey));
        },
        onQuiet: quiet,
        onHistoryChanged: historyChanged,
      });
      for (const message of fullCall('abc')) await background.onMessage(message, fromTab());
      expect(seen).toEqual([['hubspot:abc'], ['hubspot:abc'], []]);
      expect(quiet).toHaveBeenCalledTimes(1);
      expect(historyChanged).toHaveBeenCalledTimes(1);
      await background.onMessage({ type: 'history-changed' }, fromExtensionPage());
      expect(historyChanged).toHaveBeenCalledTimes(2);
    });

    it('calls queued by the restart recovery are written by the first flush, as browser-closed', async () => {
      const { background, liveCalls } = setup();
      await liveCalls.queueUnwritten([
        {
          callKey: 'hubspot:left',
          tabId: TAB,
          host: 'app.hubspot.com',
          source: 'hubspot',
          startedAt: T0,
          endedAt: T0 + 30_000,
          durationMs: 30_000,
          outcome: 'completed',
          endReason: 'browser-closed',
          approximate: true,
        },
      ]);
      await background.flushUnwritten();
      expect(await db.calls.toArray()).toMatchObject([
        { callKey: 'hubspot:left', endReason: 'browser-closed', approximate: true, durationMs: 30_000 },
      ]);
      expect(await liveCalls.unwritten()).toEqual([]);
    });
  });

  describe('many tabs ending calls at once', () => {
    it('writes every call once, nudges only written calls, and coalesces the writes instead of one pass per end', async () => {
      const { send, liveCalls, liveSlot, deps } = setup();
      const slotWrites = vi.spyOn(liveSlot, 'write');
      const tabs = 40;
      const perTab = 5;
      await Promise.all(
        Array.from({ length: tabs }, async (_, tab) => {
          for (let i = 0; i < perTab; i++) {
            const callId = `t${tab}-c${i}`;
            await send(callSignal({ kind: 'started', callId, at: T0 + i * 1_000 }), fromTab(100 + tab));
            await send(callSignal({ kind: 'ended', callId, at: T0 + i * 1_000 + 500 }), fromTab(100 + tab));
          }
        }),
      );
      const calls = tabs * perTab;
      const keys = (await db.calls.toArray()).map((row) => row.callKey);
      expect(keys).toHaveLength(calls);
      expect(new Set(keys).size).toBe(calls);
      expect(await liveCalls.unwritten()).toEqual([]);
      // Nudges wait while other tabs are on calls; the ones shown are for written calls.
      const nudged = deps.showToast.mock.calls.map(([call]) => call.callKey);
      expect(nudged.length).toBeGreaterThan(0);
      expect(keys).toEqual(expect.arrayContaining(nudged));
      // Two tracker updates a call, plus one queue update for each flush. A flush per end over
      // the whole queue would have rewritten the session thousands of times.
      expect(slotWrites.mock.calls.length).toBeLessThanOrEqual(3 * calls);
    });
  });

  describe('flushUnwritten', () => {
    it('writes calls that ended but were never settled, once', async () => {
      const { background, liveCalls, deps } = setup();
      await liveCalls.apply({
        kind: 'signal',
        tabId: TAB,
        host: 'app.hubspot.com',
        signal: { kind: 'ended', source: 'hubspot', callId: 'cut-short', at: T0, outcome: 'busy' },
      });
      expect(await db.calls.count()).toBe(0);

      await background.flushUnwritten();
      const rows = await db.calls.toArray();
      expect(rows.map((row) => [row.callKey, row.host, row.outcome])).toEqual([
        ['hubspot:cut-short', 'app.hubspot.com', 'busy'],
      ]);
      expect(await liveCalls.unwritten()).toEqual([]);
      expect(deps.showToast).not.toHaveBeenCalled();

      await background.flushUnwritten();
      expect(await db.calls.count()).toBe(1);
    });

    it('leaves nothing unwritten after a normal settle', async () => {
      const { liveCalls, sendAll } = setup();
      await sendAll(fullCall('abc'));
      expect(await liveCalls.unwritten()).toEqual([]);
    });

    it('does not duplicate a call that was written but not yet marked', async () => {
      const { background, liveCalls, sendAll } = setup();
      await sendAll(fullCall('abc'));
      const [row] = await db.calls.toArray();
      // The service worker stopped between the write and markWritten: the call is queued again.
      await liveCalls.apply({
        kind: 'signal',
        tabId: TAB,
        host: 'app.hubspot.com',
        signal: { kind: 'ended', source: 'hubspot', callId: 'late', at: T0 + 70_000 },
      });
      await background.flushUnwritten();
      await background.flushUnwritten();
      expect((await db.calls.toArray()).map((call) => call.callKey).sort()).toEqual(['hubspot:abc', 'hubspot:late']);
      expect((await db.calls.get(row?.id ?? -1))?.callKey).toBe('hubspot:abc');
    });
  });

  describe('a failing database', () => {
    it('keeps the ended call, says so for the popup, shows no toast, and writes it with the next success', async () => {
      const { deps, sendAll, liveCalls, writeFailure } = setup();
      const add = vi.spyOn(db.calls, 'add').mockRejectedValueOnce(new Error('QuotaExceededError'));
      await sendAll(fullCall('first'));
      expect(await db.calls.count()).toBe(0);
      expect((await liveCalls.unwritten()).map((call) => call.callKey)).toEqual(['hubspot:first']);
      expect(writeFailure.value).toEqual({ message: 'QuotaExceededError', at: NOW, waiting: 1 });
      expect(deps.showToast).not.toHaveBeenCalled();

      await sendAll(fullCall('second', T0 + 100_000));
      expect((await db.calls.orderBy('endedAt').toArray()).map((call) => call.callKey)).toEqual([
        'hubspot:first',
        'hubspot:second',
      ]);
      expect(await liveCalls.unwritten()).toEqual([]);
      expect(writeFailure.value).toBeUndefined();
      // Only the call that just ended is nudged; the one written late is history.
      expect(deps.showToast).toHaveBeenCalledTimes(1);
      expect(deps.showToast.mock.calls[0]?.[0].callKey).toBe('hubspot:second');
      add.mockRestore();
    });

    it('retries the waiting calls when an extension page reports a change', async () => {
      const { send, sendAll, writeFailure } = setup();
      vi.spyOn(db.calls, 'add').mockRejectedValueOnce(new Error('disk full'));
      await sendAll(fullCall('waiting'));
      expect(writeFailure.value?.waiting).toBe(1);
      await send({ type: 'history-changed' }, fromExtensionPage());
      expect(await db.calls.count()).toBe(1);
      expect(writeFailure.value).toBeUndefined();
    });
  });

  describe('a call starting', () => {
    it('tells the tab it started in once, before its end, and not for its later signals', async () => {
      const { deps, send } = setup();
      const onCallStarted = vi.fn(async (_tabId: number) => undefined);
      const background = createBackground({ ...deps, onCallStarted });
      const [started, answered, ended] = fullCall('abc');
      await background.onMessage(started, fromTab(TAB));
      expect(onCallStarted.mock.calls).toEqual([[TAB]]);
      await background.onMessage(answered, fromTab(TAB));
      await background.onMessage(ended, fromTab(TAB));
      await send(callSignal({ kind: 'ended', callId: 'abc', at: T0 + 66_000 }));
      expect(onCallStarted).toHaveBeenCalledTimes(1);
    });

    it('tells each tab its own call, and says nothing for an end with no start', async () => {
      const { deps } = setup();
      const onCallStarted = vi.fn(async (_tabId: number) => undefined);
      const background = createBackground({ ...deps, onCallStarted });
      await background.onMessage(
        callSignal({ kind: 'ended', callId: 'id-less', at: T0, outcome: 'completed' }),
        fromTab(TAB),
      );
      expect(onCallStarted).not.toHaveBeenCalled();
      await background.onMessage(callSignal({ kind: 'started', callId: 'one', at: T0 }), fromTab(TAB));
      await background.onMessage(callSignal({ kind: 'started', callId: 'two', at: T0 }), fromTab(OTHER_TAB));
      expect(onCallStarted.mock.calls).toEqual([[TAB], [OTHER_TAB]]);
    });

    it('answers the start even when getting the tab ready fails', async () => {
      const { deps } = setup();
      const background = createBackground({ ...deps, onCallStarted: () => Promise.reject(new Error('no access')) });
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      await expect(
        background.onMessage(callSignal({ kind: 'started', callId: 'abc', at: T0 }), fromTab(TAB)),
      ).resolves.toEqual({ ok: true });
      await vi.waitFor(() => expect(errors).toHaveBeenCalled());
      errors.mockRestore();
    });
  });

  describe('signal rate limit', () => {
    it('drops a flood of signals from one tab without touching another tab', async () => {
      const { deps } = setup();
      const limited = createBackground({ ...deps, signalLimit: signalRateLimit(5, 0) });
      const flood = Array.from({ length: 50 }, (_, i) =>
        callSignal({ kind: 'ended', callId: `flood-${i}`, at: T0 + i, outcome: 'completed' }),
      );
      for (const message of flood) await limited.onMessage(message, fromTab(TAB));
      expect(await db.calls.count()).toBe(5);
      expect(deps.onDropped.mock.calls.filter(([reason]) => reason === 'call-signal over the rate limit')).toHaveLength(
        45,
      );
      await limited.onMessage(
        callSignal({ kind: 'ended', callId: 'other-tab', at: T0, outcome: 'completed' }),
        fromTab(TAB + 1),
      );
      expect(await db.calls.count()).toBe(6);
    });
  });
});

describe('the nudge’s own messages', () => {
  const settings = (overrides: Partial<Settings> = {}): Settings => ({
    ...DEFAULT_SETTINGS,
    minCallSeconds: 0,
    cooldownMinutes: 0,
    ...overrides,
  });

  it('answer the third tough rating in a row with the escalation, not the first two', async () => {
    const { send, sendAll, deps } = setup(settings({ supportContact: 'mailto:maria@acme.example' }));
    const replies: unknown[] = [];
    for (const id of ['a', 'b', 'c']) {
      await sendAll(fullCall(id));
      replies.push(await send({ type: 'rate-call', callKey: `hubspot:${id}`, rating: 'tough' }));
    }
    expect(replies.slice(0, 2)).toEqual([{ ok: true }, { ok: true }]);
    expect(replies[2]).toEqual({
      ok: true,
      escalation: { streak: 3, contact: { label: 'maria@acme.example', href: 'mailto:maria@acme.example' } },
    });
    expect(deps.refreshBadge).toHaveBeenCalledTimes(3);
  });

  it('hold the nudge while another tab is on a call and show it when that call ends', async () => {
    const { deps, sendAll, send } = setup(settings());
    await send(callSignal({ kind: 'started', callId: 'other', at: T0 }), fromTab(OTHER_TAB));
    await sendAll(fullCall('abc'));
    expect(deps.showToast).not.toHaveBeenCalled();
    await send(
      callSignal({ kind: 'ended', callId: 'other', at: T0 + 1_000, outcome: 'no-answer' }),
      fromTab(OTHER_TAB),
    );
    expect(deps.showToast).toHaveBeenCalledTimes(1);
    expect(deps.showToast.mock.calls[0]?.[0]).toMatchObject({ callKey: 'hubspot:abc' });
  });

  it('snooze only from the tab the call was nudged in, with a known choice', async () => {
    const { deps, sendAll, send } = setup(settings());
    await sendAll(fullCall('abc'));
    expect(await send({ type: 'snooze', callKey: 'hubspot:abc', choice: '1h' }, fromTab(OTHER_TAB))).toBeUndefined();
    expect(await send({ type: 'snooze', callKey: 'hubspot:abc', choice: 'forever' })).toBeUndefined();
    expect(deps.snooze).not.toHaveBeenCalled();
    expect(await send({ type: 'snooze', callKey: 'hubspot:abc', choice: '1h' })).toEqual({ ok: true });
    expect(deps.snooze).toHaveBeenCalledWith('1h', NOW);
    expect(await send({ type: 'snooze', callKey: 'hubspot:abc', choice: '1h' }, fromExtensionPage())).toBeUndefined();
  });

  it('record the toast breath as a quick reset after the call, and refresh the badge', async () => {
    const { deps, sendAll, send } = setup(settings());
    await sendAll(fullCall('abc'));
    expect(await send({ type: 'breath-done', callKey: 'hubspot:abc' }, fromTab(OTHER_TAB))).toBeUndefined();
    expect(await db.resets.count()).toBe(0);
    expect(await send({ type: 'breath-done', callKey: 'hubspot:abc' })).toEqual({ ok: true });
    const [call] = await db.calls.toArray();
    expect(await db.resets.toArray()).toEqual([
      {
        id: expect.any(Number),
        kind: 'quick',
        callId: call?.id,
        startedAt: NOW - 5000,
        completedAt: NOW,
        steps: ['breathe-5'],
      },
    ]);
    expect(deps.refreshBadge).toHaveBeenCalled();
  });

  it('record a breath without a call only in the tab the shortcut opened it in, once', async () => {
    const { send, breathTab, deps } = setup(settings());
    expect(await send({ type: 'breath-done' })).toBeUndefined();
    await breathTab.write(TAB);
    expect(await send({ type: 'breath-done' }, fromTab(OTHER_TAB))).toBeUndefined();
    expect(await send({ type: 'breath-done' })).toEqual({ ok: true });
    expect(await send({ type: 'breath-done' })).toBeUndefined();
    expect(await db.resets.count()).toBe(1);
    expect(deps.onDropped).toHaveBeenCalledWith('breath-done for a breath not asked for here');
  });

  it('mark the last call tough for the shortcut, and say so when there is none', async () => {
    const { background, sendAll } = setup(settings());
    expect(await background.markLastCallTough()).toBe(false);
    await sendAll(fullCall('old'));
    await sendAll(fullCall('last', T0 + 100_000));
    expect(await background.markLastCallTough()).toBe(true);
    const ratings = Object.fromEntries((await db.calls.toArray()).map((call) => [call.callKey, call.rating]));
    expect(ratings).toEqual({ 'hubspot:old': undefined, 'hubspot:last': 'tough' });
  });
});

describe('widget-frame', () => {
  const message = { type: 'widget-frame', family: 'ringcentral', pageOrigin: 'https://crm.acme.test' };

  it('hands a subframe report to the offer flow with the frame URL the browser gave', async () => {
    const onWidgetFrame = vi.fn(async () => 'offered');
    const { deps } = setup();
    const withFlow = createBackground({ ...deps, onWidgetFrame });
    expect(await withFlow.onMessage(message, fromTab())).toEqual({ ok: true });
    expect(onWidgetFrame).toHaveBeenCalledWith(
      'ringcentral',
      'https://crm.acme.test',
      'https://calling-widget.example/softphone?embed=1',
    );
  });

  it('drops a report from a top frame, a refused one, and a malformed one', async () => {
    const onWidgetFrame = vi.fn(async () => 'refused');
    const { deps } = setup();
    const withFlow = createBackground({ ...deps, onWidgetFrame });
    expect(await withFlow.onMessage(message, { ...fromTab(), frameId: 0 })).toBeUndefined();
    expect(onWidgetFrame).not.toHaveBeenCalled();
    expect(await withFlow.onMessage(message, fromTab())).toBeUndefined();
    expect(await withFlow.onMessage({ ...message, pageOrigin: 'javascript:alert(1)' }, fromTab())).toBeUndefined();
    expect(deps.onDropped.mock.calls.map(([reason]) => reason)).toEqual([
      'widget-frame from a top frame',
      'widget-frame refused',
      'malformed',
    ]);
  });
});
