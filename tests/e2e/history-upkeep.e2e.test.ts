/**
 * History kept true while the rep works: deleting a call, the whole history or old history (the
 * retention setting) takes the reminders of the follow-ups it removes with it, and History and
 * Insights left open read again when a call lands, is rated or gets its reset.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import { extensionUnderTest } from './extension-under-test';
import { demoCall } from './popup-driver';

const session = extensionUnderTest({ settings: {} });

interface ReminderApis {
  chrome: {
    alarms: { create(name: string, info: { when: number }): Promise<void>; getAll(): Promise<{ name: string }[]> };
    notifications: {
      create(id: string, options: Record<string, unknown>): Promise<string>;
      getAll(): Promise<Record<string, boolean>>;
    };
    runtime: { getURL(path: string): string };
  };
}

/** A follow-up on `callId` (or none) with its reminder set and, when `shown`, its notification up. */
async function followUpWithReminder(who: string, callId?: number, shown = false): Promise<string> {
  const id = await session.addRow('followUps', { who, dueAt: Date.now() + 3_600_000, ...(callId ? { callId } : {}) });
  const name = `follow-up:${id}`;
  await session.inWorker(
    async ({ name, shown }) => {
      const { chrome } = globalThis as unknown as ReminderApis;
      await chrome.alarms.create(name, { when: Date.now() + 3_600_000 });
      if (shown) {
        await chrome.notifications.create(name, {
          type: 'basic',
          iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
          title: 'Follow up',
          message: 'Call back',
        });
      }
    },
    { name, shown },
  );
  return name;
}

const reminders = () =>
  session.inWorker(async () => {
    const { chrome } = globalThis as unknown as ReminderApis;
    const alarms = (await chrome.alarms.getAll())
      .map((alarm) => alarm.name)
      .filter((name) => name.startsWith('follow-up:'));
    const notifications = Object.keys(await chrome.notifications.getAll());
    return { alarms: alarms.sort(), notifications: notifications.sort() };
  }, undefined);

async function openOptions(section: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl(`options/index.html#${section}`));
  return page;
}

const matching = (page: Page, count: number) =>
  page.getByRole('status').getByText(`Matching calls: ${count}`, { exact: true }).waitFor();

describe('deleting history takes the follow-ups’ reminders with it', () => {
  it('one call, then old history by retention, then everything: no alarm or notification is left behind', async () => {
    const old = await demoCall(session, { callKey: 'hubspot:old', endedAt: Date.now() - 5 * 86_400_000 });
    const kept = await demoCall(session, { callKey: 'hubspot:kept', endedAt: Date.now() - 120_000 });
    const deleted = await demoCall(session);
    const ofDeleted = await followUpWithReminder('Priya', deleted, true);
    const ofOld = await followUpWithReminder('Old lead', old);
    const ofKept = await followUpWithReminder('Sam', kept);
    const unlinked = await followUpWithReminder('Jo');
    expect(await reminders()).toEqual({
      alarms: [ofDeleted, ofOld, ofKept, unlinked].sort(),
      notifications: [ofDeleted],
    });

    const history = await openOptions('history');
    await matching(history, 3);
    // Newest first: the first row is the call ended a minute ago with Priya's follow-up.
    await history.locator('.history-row').first().click();
    await history.getByText('Priya', { exact: false }).waitFor();
    await history.getByRole('button', { name: 'Delete this call' }).click();
    await history.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect
      .poll(reminders, { timeout: 10_000 })
      .toEqual({ alarms: [ofOld, ofKept, unlinked].sort(), notifications: [] });

    await session.setSettings({ retentionDays: 2 });
    await expect.poll(reminders, { timeout: 10_000 }).toEqual({ alarms: [ofKept, unlinked].sort(), notifications: [] });

    const data = await openOptions('your-data');
    await data.getByRole('button', { name: 'Delete everything…' }).click();
    await data.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(reminders, { timeout: 10_000 }).toEqual({ alarms: [], notifications: [] });
    expect(session.extensionErrors).toEqual([]);
  });
});

describe('History and Insights left open', () => {
  it('read again when a call lands, when it is rated in the toast and when its breath is done', async () => {
    await session.setSettings({ minCallSeconds: 0 });
    const history = await openOptions('history');
    await matching(history, 0);
    const insights = await openOptions('insights');
    await insights.getByText('No calls yet today.').waitFor();

    const dialer = await session.openDemoDialer('answerDelayMs=0');
    const toast = await ClosedShadowToast.attach(dialer);
    await dialer.getByRole('button', { name: 'Call Dana Whitfield' }).click();
    const softphone = dialer.frameLocator('#softphone');
    await softphone.getByText('On call').waitFor();
    await softphone.getByRole('button', { name: 'Hang up' }).click();
    await matching(history, 1);
    await insights.getByText('Calls today: 1, tough: 0.').waitFor();

    await toast.waitShown();
    await toast.click('Tough');
    await insights.getByText('Calls today: 1, tough: 1.').waitFor();
    await insights.getByText('Resets after the tough ones: 0 of 1.').waitFor();
    await toast.click('5-second breath');
    await insights.getByText('Resets after the tough ones: 1 of 1.').waitFor({ timeout: 15_000 });
    expect(session.extensionErrors).toEqual([]);
  });
});
