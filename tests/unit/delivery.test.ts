import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ANSWERABLE_NUDGES, createDelivery } from '../../src/background/delivery';
import * as nudger from '../../src/background/nudger';
import type { EndedCall } from '../../src/calls/call';
import type { PendingRoutine } from '../../src/routine/pending-routine';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { memorySlot } from './fakes/memory-slot';

vi.mock('../../src/background/nudger', async (original) => ({
  ...(await original<typeof import('../../src/background/nudger')>()),
  showToast: vi.fn(),
  showNotification: vi.fn(),
  openRoutineWindow: vi.fn(async () => undefined),
}));

const NOW = 1_000_000;
const call: EndedCall = {
  callKey: 'hubspot:a',
  tabId: 3,
  host: 'crm.example',
  source: 'hubspot',
  endedAt: NOW,
  durationMs: 60_000,
  outcome: 'completed',
  endReason: 'hang-up',
};

function setup() {
  const nudgedCalls = memorySlot<Record<string, number>>({ 'hubspot:old': 1 });
  const pendingRoutine = memorySlot<PendingRoutine>();
  const deliver = createDelivery({ nudgedCalls, pendingRoutine, now: () => NOW });
  const request = (delivery: Settings['delivery']) => ({
    call,
    settings: { ...DEFAULT_SETTINGS, delivery },
    escalation: { streak: 3 },
    tabIds: [5, 3],
  });
  return { deliver, nudgedCalls, pendingRoutine, request };
}

beforeEach(() => vi.clearAllMocks());

describe('delivery styles', () => {
  it('toast: shown in the first tab that listens, which alone may then answer for the call', async () => {
    vi.mocked(nudger.showToast).mockResolvedValue(5);
    const { deliver, nudgedCalls, request } = setup();
    expect(await deliver(request('toast'))).toBe(true);
    expect(nudger.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ callKey: 'hubspot:a', escalation: { streak: 3 } }),
      [5, 3],
    );
    expect(nudgedCalls.value).toEqual({ 'hubspot:old': 1, 'hubspot:a': 5 });
  });

  it('toast: only the latest nudges stay answerable, so the list cannot grow all day', async () => {
    vi.mocked(nudger.showToast).mockResolvedValue(5);
    const { deliver, nudgedCalls, request } = setup();
    for (let i = 0; i < ANSWERABLE_NUDGES + 10; i++) {
      await deliver({ ...request('toast'), call: { ...call, callKey: `hubspot:c${i}` } });
    }
    const keys = Object.keys(nudgedCalls.value ?? {});
    expect(keys).toHaveLength(ANSWERABLE_NUDGES);
    expect(keys.at(0)).toBe('hubspot:c10');
    expect(keys.at(-1)).toBe(`hubspot:c${ANSWERABLE_NUDGES + 9}`);
  });

  it('toast: nothing delivered when no tab listens', async () => {
    vi.mocked(nudger.showToast).mockResolvedValue(undefined);
    const { deliver, nudgedCalls, request } = setup();
    expect(await deliver(request('toast'))).toBe(false);
    expect(nudgedCalls.value).toEqual({ 'hubspot:old': 1 });
  });

  it('notification: a notification, no toast', async () => {
    vi.mocked(nudger.showNotification).mockResolvedValue(true);
    const { deliver, request } = setup();
    expect(await deliver(request('notification'))).toBe(true);
    expect(nudger.showNotification).toHaveBeenCalledWith(call, { streak: 3 });
    expect(nudger.showToast).not.toHaveBeenCalled();
  });

  it('notification without the permission: falls back to the toast', async () => {
    vi.mocked(nudger.showNotification).mockResolvedValue(false);
    vi.mocked(nudger.showToast).mockResolvedValue(3);
    const { deliver, request } = setup();
    expect(await deliver(request('notification'))).toBe(true);
    expect(nudger.showToast).toHaveBeenCalled();
  });

  it('window: the after-call routine for this call, in its own window', async () => {
    const { deliver, pendingRoutine, request } = setup();
    expect(await deliver(request('window'))).toBe(true);
    expect(pendingRoutine.value).toEqual({ kind: 'after-call', callKey: 'hubspot:a', requestedAt: NOW });
    expect(nudger.openRoutineWindow).toHaveBeenCalledOnce();
    expect(nudger.showToast).not.toHaveBeenCalled();
  });
});
