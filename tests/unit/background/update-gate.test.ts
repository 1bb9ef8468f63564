import { expect, it } from 'vitest';
import { createUpdateGate } from '../../../src/background/update-gate';
import type { RoutineDraft } from '../../../src/routine/draft';
import { memorySlot } from '../fakes/memory-slot';

const T0 = Date.UTC(2026, 10, 30, 14, 0);

function setup() {
  const state = { live: 0, reloads: 0, retries: 0, now: T0 };
  const routineDraft = memorySlot<RoutineDraft>();
  const updateWaiting = memorySlot<number>();
  const lastNudgeAt = memorySlot<number>();
  const gate = createUpdateGate({
    updateWaiting,
    routineDraft,
    lastNudgeAt,
    nudgeShownMs: async () => 30_000,
    retryLater: () => {
      state.retries += 1;
    },
    liveCount: async () => state.live,
    reload: () => {
      state.reloads += 1;
    },
    now: () => state.now,
  });
  return { gate, state, routineDraft, updateWaiting, lastNudgeAt };
}

const draft = (savedAt: number): RoutineDraft => ({
  kind: 'quick',
  startedAt: savedAt,
  stepIds: ['breathe'],
  index: 0,
  done: [],
  answers: {},
  savedAt,
});

it('with nothing going on, an update reloads at once', async () => {
  const { gate, state } = setup();
  expect(await gate.onUpdateAvailable()).toBe(true);
  expect(state.reloads).toBe(1);
});

it('an update waits for the last live call to end, then reloads', async () => {
  const { gate, state } = setup();
  state.live = 1;
  expect(await gate.onUpdateAvailable()).toBe(false);
  expect(await gate.reloadIfQuiet()).toBe(false);
  state.live = 0;
  expect(await gate.reloadIfQuiet()).toBe(true);
  expect(state.reloads).toBe(1);
});

it('an update waits for an open routine draft; a stale draft does not hold it', async () => {
  const { gate, state, routineDraft } = setup();
  await routineDraft.write(draft(T0 - 60_000));
  expect(await gate.onUpdateAvailable()).toBe(false);
  await routineDraft.clear();
  expect(await gate.reloadIfQuiet()).toBe(true);
  await routineDraft.write(draft(T0 - 13 * 60 * 60 * 1000));
  expect(await gate.reloadIfQuiet()).toBe(true);
  expect(state.reloads).toBe(2);
});

it('with no update waiting, a quiet moment reloads nothing', async () => {
  const { gate, state } = setup();
  expect(await gate.reloadIfQuiet()).toBe(false);
  expect(state.reloads).toBe(0);
});

it('a toast still up holds the reload, and a later try goes ahead once its time is over', async () => {
  const { gate, state, lastNudgeAt } = setup();
  await lastNudgeAt.write(T0 - 5_000);
  expect(await gate.onUpdateAvailable()).toBe(false);
  expect(state.retries).toBe(1);
  state.now = T0 + 30_000;
  expect(await gate.reloadIfQuiet()).toBe(true);
  expect(state.reloads).toBe(1);
});
