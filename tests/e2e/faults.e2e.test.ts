/** Faults a browser can throw at Rebound: the rep loses nothing and is told what happened. */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import { ExtensionPopup } from '../../scripts/driver/extension-popup';
import { type ExtensionSession, launchExtension } from '../../scripts/driver/extension-session';
import type { CallRecord } from '../../src/db/schema';

let session: ExtensionSession;

beforeEach(async () => {
  session = await launchExtension();
  await session.setSettings({ minCallSeconds: 0 });
});

afterEach(async () => {
  await session?.close();
});

async function callAndHangUp(page: Page, contact: string): Promise<void> {
  const softphone = page.frameLocator('#softphone');
  await page.getByRole('button', { name: `Call ${contact}` }).click();
  await softphone.getByText('On call').waitFor();
  await softphone.getByRole('button', { name: 'Hang up' }).click();
}

/** Replaces the database under Rebound's feet with one at a newer version without its tables. */
async function breakDatabase(): Promise<void> {
  await (await session.extensionPage()).evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('rebound', 1000);
        request.onupgradeneeded = () => {
          for (const name of [...request.result.objectStoreNames]) request.result.deleteObjectStore(name);
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

async function repairDatabase(): Promise<void> {
  await (await session.extensionPage()).evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('rebound');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
}

it('a failed database write keeps the call, tells the rep in the popup, and writes it on the next success', async () => {
  const page = await session.openDemoDialer('answerDelayMs=0');
  await breakDatabase();
  await callAndHangUp(page, 'Dana Whitfield');

  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl('popup/index.html'));
  const alert = popup.getByRole('alert').filter({ hasText: "couldn't save your last 1 call(s)" });
  await alert.waitFor();
  expect(await (await ClosedShadowToast.attach(page)).isShown()).toBe(false);

  await repairDatabase();
  await popup.getByRole('button', { name: 'Try again' }).click();
  await alert.waitFor({ state: 'detached' });
  await expect.poll(async () => (await session.readTable<CallRecord>('calls')).length).toBe(1);

  await callAndHangUp(page, 'Marcus Oyelaran');
  await expect.poll(async () => (await session.readTable<CallRecord>('calls')).length).toBe(2);
  await (await ClosedShadowToast.attach(page)).waitShown();
});

it('a service worker stopped while the toast shows still takes the rating and the reset', async () => {
  const page = await session.openDemoDialer('answerDelayMs=0');
  const toast = await ClosedShadowToast.attach(page);
  await callAndHangUp(page, 'Dana Whitfield');
  await toast.waitShown();
  await expect.poll(async () => (await session.readTable<CallRecord>('calls')).length).toBe(1);

  await session.stopServiceWorker();

  await toast.click('Tough');
  await expect.poll(async () => (await session.readTable<CallRecord>('calls'))[0]?.rating).toBe('tough');
  expect(await session.readTable('calls')).toHaveLength(1);

  await session.stopServiceWorker();
  await toast.click('Reset');
  const routine = await ExtensionPopup.waitFor(page, session.extensionUrl('popup/index.html'));
  await routine.waitForText('Breathe');
});
