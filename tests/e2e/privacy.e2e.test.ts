/**
 * Nothing leaves the machine: a session through every flow records each request the extension's
 * worker and pages make, and those the dialer page makes, and finds none outside the extension
 * and the local fixture server.
 */
import { expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import { ExtensionPopup } from '../../scripts/driver/extension-popup';
import type { ResetRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { callOnDemoDialer } from './place-call';
import { skipToReady } from './popup-driver';

const requests: Array<{ from: string; url: string; navigation: boolean }> = [];
const session = extensionUnderTest({
  onLaunch: (launched) => {
    requests.length = 0;
    launched.context.on('request', (request) => {
      const navigation = !request.serviceWorker() && request.isNavigationRequest();
      // A navigation can come before its frame exists (a window being opened); it is judged by its URL.
      const from = request.serviceWorker() ? 'worker' : navigation ? 'navigation' : request.frame().url();
      requests.push({ from, url: request.url(), navigation });
    });
  },
});

it('makes no network request in calls, the toast, the routine, the popup, history, insights and export', async () => {
  const page = await session.openDemoDialer('answerDelayMs=0');
  const toast = await ClosedShadowToast.attach(page);
  await callOnDemoDialer(page);
  await toast.waitShown();
  await toast.click('Tough');
  await toast.click('Reset');
  const routine = await ExtensionPopup.waitFor(page, session.extensionUrl('popup/index.html'));
  await routine.waitForText('Throw it away', 15_000);
  await skipToReady(routine);
  await routine.clickButton('Done');
  await expect.poll(async () => (await session.readTable<ResetRecord>('resets')).length).toBe(1);

  const options = await session.context.newPage();
  await options.goto(session.extensionUrl('options/index.html'));
  await options.getByRole('heading', { level: 1 }).first().waitFor();
  for (const [section, title] of [
    ['history', 'History'],
    ['insights', 'Insights'],
    ['follow-ups', 'Follow-ups'],
    ['your-data', 'Your data'],
  ]) {
    await options.goto(session.extensionUrl(`options/index.html#${section}`));
    await options.getByRole('heading', { level: 1, name: title }).waitFor();
  }
  const exported = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export everything (JSON)' }).click();
  await (await exported).path();
  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl('popup/index.html'));
  await popup.getByTestId('last-call').waitFor();

  const extension = session.extensionUrl('');
  const fixtures = session.server.url;
  // A download's blob: and an input's data: URL never leave the machine.
  const local = (url: string) => url.startsWith(`blob:${extension}`) || url.startsWith('data:');
  const strays = requests.filter(({ from, url, navigation }) => {
    if (local(url)) return false;
    if (from === 'worker') return true;
    // The test itself opens the dialer and the extension's pages.
    if (navigation) return !url.startsWith(extension) && !url.startsWith(fixtures);
    if (from.startsWith(extension)) return !url.startsWith(extension);
    return !url.startsWith(fixtures);
  });
  expect(strays).toEqual([]);
  // data: URLs never leave the machine (Chromium draws its date and time inputs' icons with them).
  expect(routine.requests.filter((url) => !url.startsWith(extension) && !url.startsWith('data:'))).toEqual([]);
  // The recorder is live: it saw the dialer's own assets and the extension pages' bundles.
  expect(requests.some(({ url }) => url.startsWith(fixtures))).toBe(true);
  expect(requests.some(({ url }) => url.startsWith(extension))).toBe(true);
});
