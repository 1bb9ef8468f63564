/**
 * Issue 15 in real Chromium: the popup home's first screen comes from the snapshot the worker
 * keeps in storage.session, so it draws even while IndexedDB has not answered (here it never
 * does), and after an import or a delete in Options that snapshot already says what the
 * database holds: the popup never shows a last call that is gone. The toast's rating is answered
 * before the snapshot is read again, and a popup opened on that answer still shows the rating.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import { importHistoryThroughOptions } from '../../scripts/driver/import-history';
import { generateHistory } from '../../scripts/seed-history';
import type { StoredHomeSnapshot } from '../../src/db/home-snapshot';
import { extensionUnderTest } from './extension-under-test';
import { callOnDemoDialer } from './place-call';

const session = extensionUnderTest({ settings: {} });

/** Set at document start: IndexedDB never answers, and any last-call card ever drawn is noted. */
const NO_DATABASE = `(() => {
  IDBFactory.prototype.open = () => ({});
  window.__lastCallSeen = false;
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="last-call"]')) window.__lastCallSeen = true;
  }).observe(document, { subtree: true, childList: true });
})();`;

async function popupWithoutDatabase(): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript({ content: NO_DATABASE });
  await page.goto(session.extensionUrl('popup/index.html'));
  await page.getByRole('button', { name: 'Quick reset' }).waitFor();
  return page;
}

async function yourData(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('options/index.html#your-data'));
  await page.getByLabel('Choose a JSON export').waitFor();
  return page;
}

/** Set at document start: notes whether the last call's card ever said the call was not rated. */
const NOT_RATED_WATCH = `(() => {
  window.__notRatedSeen = false;
  new MutationObserver(() => {
    const card = document.querySelector('[data-testid="last-call"]');
    if (card && card.textContent.includes('Not rated yet')) window.__notRatedSeen = true;
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

const storedSnapshot = async () => ({
  stored: await session.sessionValue<StoredHomeSnapshot>('homeSnapshot'),
  stamp: await session.sessionValue<number>('historyChanged'),
});

it('after an import, the popup shows the imported last call before the database answers', async () => {
  const history = generateHistory({ calls: 60, resets: 20, endAt: Date.now() });
  const newest = history.calls.reduce((latest, call) => (call.endedAt > latest.endedAt ? call : latest));
  await importHistoryThroughOptions(await yourData(), history);

  const { stored, stamp } = await storedSnapshot();
  expect(stored?.snapshot.last?.call.callKey).toBe(newest.callKey);
  expect(stored?.basedOn).toBe(stamp);

  const popup = await popupWithoutDatabase();
  await popup.getByTestId('last-call').waitFor();
  expect(session.extensionErrors).toEqual([]);
});

it('after Delete everything, the popup never shows the deleted last call', async () => {
  const options = await yourData();
  await importHistoryThroughOptions(options, generateHistory({ calls: 30, endAt: Date.now(), seed: 5 }));
  const before = await popupWithoutDatabase();
  await before.getByTestId('last-call').waitFor();
  await before.close();

  await options.getByRole('button', { name: 'Delete everything…' }).click();
  await options.getByRole('button', { name: 'Yes, delete everything' }).click();
  await options.getByText('Everything was deleted.').waitFor();

  const { stored, stamp } = await storedSnapshot();
  expect(stored?.snapshot.last).toBeNull();
  expect(stored?.basedOn).toBe(stamp);

  const popup = await popupWithoutDatabase();
  await popup.getByText("No calls yet. When a call ends in a dialer you've turned on, it shows up here.").waitFor();
  expect(await popup.evaluate(() => (window as unknown as { __lastCallSeen: boolean }).__lastCallSeen)).toBe(false);
  expect(session.extensionErrors).toEqual([]);
});

it('a popup opened as the toast answers a rating shows the rating, never the call unrated', async () => {
  // A streak of one: the first tough rating's answer carries the escalation, which the toast shows.
  await session.setSettings({ minCallSeconds: 1, cooldownMinutes: 0, toughStreak: 1 });
  const dialer = await session.openDemoDialer('answerDelayMs=0');
  const toast = await ClosedShadowToast.attach(dialer);
  await callOnDemoDialer(dialer);
  await toast.waitShown(10_000);
  await toast.click('Tough');
  await expect.poll(() => toast.text()).toContain('Tough calls in a row: 1');

  const popup = await session.context.newPage();
  await popup.addInitScript({ content: NOT_RATED_WATCH });
  await popup.goto(session.extensionUrl('popup/index.html'));
  await expect.poll(() => popup.getByTestId('last-call').textContent()).toContain('You rated it: Tough');
  expect(await popup.evaluate(() => (window as unknown as { __notRatedSeen: boolean }).__notRatedSeen)).toBe(false);

  // The snapshot the reply did not wait for is still stored, under the stamp the rating moved on.
  await expect
    .poll(async () => {
      const { stored, stamp } = await storedSnapshot();
      return stored?.basedOn === stamp && stored?.snapshot.last?.call.rating;
    })
    .toBe('tough');
  expect(session.extensionErrors).toEqual([]);
});
