/** Options → Nudges and breathing: what the rep sets there is what the background obeys. */
import { expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import type { CallRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { expectNudgeOutcome } from './nudge-outcome';
import { callOnDemoDialer } from './place-call';

const session = extensionUnderTest({ settings: {} });

it('a call shorter than the minimum set in Options is recorded with no nudge', async () => {
  const options = await session.context.newPage();
  await options.goto(session.extensionUrl('options/index.html'));
  const minimum = options.getByLabel('Shortest call that gets a nudge (seconds)');
  await expect.poll(() => minimum.inputValue()).toBe('20');
  await minimum.fill('30');
  await minimum.press('Enter');
  await minimum.blur();
  await options.getByRole('status').getByText('Saved.').waitFor();

  const page = await session.openDemoDialer('answerDelayMs=0');
  const toast = await ClosedShadowToast.attach(page);
  await callOnDemoDialer(page, { contact: 'Marcus Oyelaran', talkMs: 1000 });

  await expect.poll(async () => (await session.readTable<CallRecord>('calls')).length, { timeout: 10_000 }).toBe(1);
  await expectNudgeOutcome(session, (await session.readTable<CallRecord>('calls'))[0]?.callKey, 'too-short');
  expect(await toast.isShown()).toBe(false);

  // Back to a minimum this call clears: the next call is nudged.
  await minimum.fill('0');
  await minimum.blur();
  // Saved before the call starts: 'Saved.' is still on screen from the first change.
  await expect
    .poll(async () => (await session.localValue<{ minCallSeconds: number }>('settings'))?.minCallSeconds)
    .toBe(0);
  await callOnDemoDialer(page, { contact: 'Marcus Oyelaran', talkMs: 0 });
  await toast.waitShown();
  expect(session.extensionErrors).toEqual([]);
});

it('the popup links to Options', async () => {
  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl('popup/index.html'));
  const opened = session.context.waitForEvent('page', {
    predicate: (page) => page.url().startsWith(session.extensionUrl('options/index.html')),
  });
  await popup.getByRole('button', { name: 'Settings' }).click();
  const options = await opened;
  await options.getByRole('heading', { name: 'Nudges and breathing' }).waitFor();
});
