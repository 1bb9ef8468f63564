import { expect, it } from 'vitest';
import { createWelcomeTab } from '../../../src/background/welcome-tab';
import { memorySlot } from '../fakes/memory-slot';

function setup() {
  const opened: number[] = [];
  const welcomedAt = memorySlot<number>();
  let clock = 1000;
  const welcome = createWelcomeTab({
    welcomedAt,
    openTab: async () => opened.push(clock),
    now: () => clock++,
  });
  return { welcome, welcomedAt, opened };
}

it('opens the welcome on the first install and marks it', async () => {
  const { welcome, welcomedAt, opened } = setup();
  await welcome.onInstalled('install');
  expect(opened).toEqual([1000]);
  expect(await welcomedAt.read()).toBe(1000);
});

it('does not open it again on a later "install" of the same profile (a folder-loaded build at each start)', async () => {
  const { welcome, opened } = setup();
  await welcome.onInstalled('install');
  await welcome.onInstalled('install');
  expect(opened).toHaveLength(1);
});

it('opens nothing on an update or a browser update', async () => {
  const { welcome, opened } = setup();
  await welcome.onInstalled('update');
  await welcome.onInstalled('chrome_update');
  expect(opened).toEqual([]);
});

it('leaves the welcome unmarked when the tab could not open, so the next install tries again', async () => {
  const welcomedAt = memorySlot<number>();
  const welcome = createWelcomeTab({
    welcomedAt,
    openTab: () => Promise.reject(new Error('no window')),
    now: () => 1,
  });
  await expect(welcome.onInstalled('install')).rejects.toThrow('no window');
  expect(await welcomedAt.read()).toBeUndefined();
});
