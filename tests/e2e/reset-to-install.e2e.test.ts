/**
 * The reset files use between tests in one browser (`per: 'file-reset'`) leaves exactly what a
 * fresh install has: the same storage keys and values, alarms, permissions, content scripts,
 * badge, notifications and tabs, and a database with no rows that starts its ids again at 1.
 */
import { afterEach, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from '../../scripts/driver/extension-session';
import { installState } from './install-state';
import { callOnDemoDialer } from './place-call';
import { resetToInstall, settledInstallState } from './reset-to-install';
import { waitForCalls } from './wait-for-calls';

const open: ExtensionSession[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((session) => session.close()));
});

async function launch(): Promise<ExtensionSession> {
  const session = await launchExtension();
  open.push(session);
  return session;
}

interface DirtyGlobals {
  chrome: {
    storage: Record<'sync' | 'session', { set(items: Record<string, unknown>): Promise<void> }>;
    alarms: { create(name: string, info: { delayInMinutes: number }): Promise<void> };
    notifications: {
      create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
    };
  };
}

it('takes a used browser back to the state of a fresh install', async () => {
  const used = await launch();
  const installed = await settledInstallState(used);

  // Touch everything a test can: settings, a call with its rows, roll-ups and badge, a site
  // granted, an alarm, a notification, every storage area, tabs left open.
  await used.setSettings({ minCallSeconds: 1, cooldownMinutes: 0 });
  await callOnDemoDialer(await used.openDemoDialer('answerDelayMs=0'));
  await waitForCalls(used, 1);
  await used.addRow('followUps', { who: 'Dana', dueAt: Date.now() + 3_600_000 });
  const onboarding = await used.context.newPage();
  await onboarding.goto(used.extensionUrl('onboarding/index.html'));
  await used.approveSiteAccess('https://app.ringcentral.com/*');
  await used.approveSiteAccess('https://apps.ringcentral.com/*');
  const ringcentral = onboarding.getByRole('switch', { name: 'RingCentral' });
  await expect.poll(() => ringcentral.isEnabled()).toBe(true);
  await ringcentral.click();
  await (await used.extensionPage()).evaluate(async () => {
    const { chrome } = globalThis as unknown as DirtyGlobals;
    await chrome.storage.sync.set({ leftBehind: true });
    await chrome.storage.session.set({ leftBehind: true });
    await chrome.alarms.create('left-behind', { delayInMinutes: 60 });
    await chrome.notifications.create('left-behind', {
      type: 'basic',
      iconUrl: '/icons/icon-128.png',
      title: 'Left behind',
      message: 'by an earlier test',
    });
  });
  await expect
    .poll(async () => (await installState(used)).permissions.origins.length)
    .toBeGreaterThan(installed.permissions.origins.length);
  const dirty = await installState(used);
  for (const part of [
    'local',
    'sync',
    'session',
    'alarms',
    'permissions',
    'contentScripts',
    'notifications',
    'database',
    'tabs',
  ] as const) {
    expect(dirty[part], part).not.toEqual(installed[part]);
  }

  await resetToInstall(used, installed);

  const fresh = await launch();
  expect(await installState(used)).toEqual(await settledInstallState(fresh));
  // Emptied is not enough: ids start again at 1, as in a new database.
  expect(await used.addRow('calls', { startedAt: Date.now() - 60_000, endedAt: Date.now() })).toBe(1);
});
