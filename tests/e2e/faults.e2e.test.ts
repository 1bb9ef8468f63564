/** Faults a browser can throw at Rebound: the rep loses nothing and is told what happened. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import { ExtensionPopup, STEPS_AFTER_THROW_IT_AWAY } from '../../scripts/driver/extension-popup';
import type { EndedCall } from '../../src/calls/call';
import type { LiveCallsState } from '../../src/calls/live-calls-state';
import type { CallRecord, FollowUpRecord, ResetRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { click, demoCall, heading, waitForRows } from './popup-driver';

const session = extensionUnderTest({ settings: { minCallSeconds: 0 } });

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

interface HoldWindow {
  reboundHold?: { release(): Promise<void> };
}

/**
 * Takes the `calls` store with a readwrite transaction from an extension page and keeps it
 * (a request chained on each success keeps a transaction alive), so every other context's
 * write to `calls` waits in line behind it. Resolves once the lock is held.
 */
async function holdCallsStore(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('rebound');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction('calls', 'readwrite');
          const store = transaction.objectStore('calls');
          let released = false;
          const complete = new Promise<void>((done, failed) => {
            transaction.oncomplete = () => {
              db.close();
              done();
            };
            transaction.onabort = () => failed(transaction.error);
          });
          const keepAlive = () => {
            if (!released) store.get(0).onsuccess = keepAlive;
          };
          store.get(0).onsuccess = () => {
            keepAlive();
            resolve();
          };
          (window as HoldWindow).reboundHold = {
            release: () => {
              released = true;
              return complete;
            },
          };
        };
      }),
  );
}

async function releaseCallsStore(page: Page): Promise<void> {
  await page.evaluate(() => (window as HoldWindow).reboundHold?.release());
}

interface CallTransactionsWindow {
  reboundCallTransactions: number;
}

/**
 * Opens an extension page that counts the transactions it opens on `calls`: a save has reached
 * the database once its first one is open, a read or a write. Counted from the page's first
 * script, because Dexie binds `IDBDatabase.transaction` when it opens the database.
 */
async function openCountingCallTransactions(pathname: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript(() => {
    const counted = window as unknown as CallTransactionsWindow;
    counted.reboundCallTransactions = 0;
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, names, mode, options) {
      const stores = typeof names === 'string' ? [names] : [...names];
      if (stores.includes('calls')) counted.reboundCallTransactions += 1;
      return open.call(this, names, mode, options);
    };
  });
  await page.goto(session.extensionUrl(pathname));
  return page;
}

const callTransactions = (page: Page) =>
  page.evaluate(() => (window as unknown as CallTransactionsWindow).reboundCallTransactions);

const liveCallsState = () => session.sessionValue<LiveCallsState>('liveCalls');

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

it('a service worker stopped after a call ended, before its database write, loses nothing and writes it once', async () => {
  const page = await session.openDemoDialer('answerDelayMs=0');
  const probe = await session.extensionPage();
  await holdCallsStore(probe);
  await callAndHangUp(page, 'Dana Whitfield');
  await expect.poll(async () => (await liveCallsState())?.unwritten.length, { timeout: 10_000 }).toBe(1);
  const [ended] = (await liveCallsState())?.unwritten ?? [];
  expect(ended).toBeDefined();

  // The worker dies with its write still waiting for the store.
  await session.stopServiceWorker();
  await releaseCallsStore(probe);
  expect(await session.countRows('calls')).toBe(0);

  // The popup opened as a tab fires tab events, which wake the worker; on start it writes what waits.
  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl('popup/index.html'));
  await expect.poll(() => session.countRows('calls'), { timeout: 10_000 }).toBe(1);
  const { tabId: _tab, ...fields } = ended as EndedCall;
  expect(await session.readTable<CallRecord>('calls')).toEqual([expect.objectContaining({ ...fields, tags: [] })]);
  await expect.poll(async () => (await liveCallsState())?.unwritten, { timeout: 10_000 }).toEqual([]);

  // That popup drew before the write landed; the rep's next open shows the call, ready for a reset.
  await popup.reload();
  const lastCall = popup.getByTestId('last-call');
  await expect.poll(() => lastCall.textContent()).toContain('HubSpot calling');
  expect(await lastCall.textContent()).toContain('Not rated yet');
  await lastCall.getByRole('button', { name: 'Reset after this call' }).waitFor();
  expect(await session.countRows('calls')).toBe(1);
  expect(session.extensionErrors).toEqual([]);
});

it('the popup and the options page writing the same call at once both keep what they wrote', async () => {
  const callId = await demoCall(session);
  const popup = await openCountingCallTransactions('popup/index.html');
  await click(popup, 'Reset after this call');
  await heading(popup, 'How did that one go?');
  await popup.getByRole('checkbox', { name: 'Angry customer' }).check();
  await popup.getByRole('checkbox', { name: 'Delay' }).check();

  const options = await openCountingCallTransactions('options/index.html#history');
  await options.getByRole('list', { name: 'Calls, newest first' }).getByRole('button').first().click();
  const dialog = options.getByRole('dialog');
  await dialog.getByLabel('Rating').waitFor();

  // Both saves start while the store is held, so they meet at the database rather than one after the other.
  const popupBefore = await callTransactions(popup);
  const optionsBefore = await callTransactions(options);
  const probe = await session.extensionPage();
  await holdCallsStore(probe);
  await click(popup, 'Next');
  await dialog.getByLabel('Rating').selectOption({ label: 'Tough' });
  await expect.poll(() => callTransactions(popup), { timeout: 10_000 }).toBeGreaterThan(popupBefore);
  await expect.poll(() => callTransactions(options), { timeout: 10_000 }).toBeGreaterThan(optionsBefore);
  await releaseCallsStore(probe);

  await dialog.getByRole('status').getByText('Saved').waitFor();
  await heading(popup, 'Breathe');
  const both = { id: callId, rating: 'tough', tags: ['angry-customer', 'delay'] };
  expect(await session.readTable<CallRecord>('calls')).toEqual([expect.objectContaining(both)]);

  await heading(popup, 'Throw it away', 15_000);
  for (const next of STEPS_AFTER_THROW_IT_AWAY) {
    await click(popup, 'Skip');
    await heading(popup, next);
  }
  await click(popup, 'Done');
  await popup.getByRole('button', { name: 'Quick reset' }).waitFor();
  const [reset] = await waitForRows(() => session.readTable<ResetRecord>('resets'), 1);
  expect(reset).toMatchObject({ kind: 'after-call', callId, tags: ['angry-customer', 'delay'] });
  expect(await session.readTable<CallRecord>('calls')).toEqual([expect.objectContaining(both)]);
  expect(session.extensionErrors).toEqual([]);
});

it('a browser restarted on the same profile records the call it closed on as browser-closed, offers the held nudge, and a follow-up due after it still fires', async () => {
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'rebound-e2e-restart-'));
  try {
    await session.relaunch({ profileDir });
    await session.setSettings({ minCallSeconds: 0, cooldownMinutes: 0 });
    // Tab B is on a call when the browser closes; tab A's call ended during it, so its nudge is held.
    const tabB = await session.openDemoDialer('answerDelayMs=0');
    const tabA = await session.openDemoDialer('answerDelayMs=0');
    await tabB.getByRole('button', { name: 'Call Dana Whitfield' }).click();
    await tabB.frameLocator('#softphone').getByText('On call').waitFor();
    await callAndHangUp(tabA, 'Marcus Oyelaran');
    await expect
      .poll(() => session.localValue('heldNudge'), { timeout: 10_000 })
      .toHaveProperty('call.outcome', 'completed');
    const before = await session.context.newPage();
    await before.goto(session.extensionUrl('popup/index.html'));
    await before.getByTestId('on-a-call').waitFor();
    // Stored as an import stores it, with no alarm: only the restart's restore can make it fire.
    const followUpId = await session.addRow('followUps', { who: 'Dana', dueAt: Date.now() + 5000 });
    const restartedAt = Date.now();
    await session.relaunch({ profileDir });
    // Tab B's call, live when the browser closed, is recorded once: browser-closed, its length a guess.
    await expect.poll(() => session.countRows('calls'), { timeout: 10_000 }).toBe(2);
    const calls = await session.readTable<CallRecord>('calls');
    expect(calls.filter((call) => call.endReason === 'browser-closed')).toEqual([
      expect.objectContaining({ approximate: true, endedAt: expect.any(Number) }),
    ]);
    const state = await liveCallsState();
    expect(state?.tracker.live ?? {}).toEqual({});
    expect(state?.unwritten ?? []).toEqual([]);
    expect(await session.localValue('heldNudge')).toBeUndefined();
    const popup = await session.context.newPage();
    await popup.goto(session.extensionUrl('popup/index.html'));
    await popup.getByTestId('last-call').waitFor();
    await popup.getByTestId('today').waitFor();
    expect(await popup.getByTestId('on-a-call').count()).toBe(0);
    // Tab A's nudge, held for tab B's call, is asked in the popup instead of dropped.
    await popup.getByTestId('offered-nudge').getByText('How did that one go?').waitFor();

    const notificationId = `follow-up:${followUpId}`;
    const shown = () =>
      session.inWorker(
        async () =>
          Object.keys(
            await (
              globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }
            ).chrome.notifications.getAll(),
          ),
        undefined,
      );
    await expect.poll(shown, { timeout: 20_000 }).toContain(notificationId);
    const [followUp] = await session.readTable<FollowUpRecord>('followUps');
    expect(followUp?.notifiedAt).toBeGreaterThanOrEqual(restartedAt);
    expect(session.extensionErrors).toEqual([]);
  } finally {
    await session.close();
    await rm(profileDir, { recursive: true, force: true });
  }
});
