/**
 * The toast, every Options section, a call's detail and onboarding, in every translated locale:
 * no missing message, no English left over, dialer names, tags and causes in the rep's language.
 * (The popup's views are walked in popup-quality.e2e.test.ts.)
 */
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { ClosedShadowToast } from '../../scripts/driver/closed-shadow';
import { type ExtensionSession, launchExtension } from '../../scripts/driver/extension-session';
import { readLocale, TRANSLATED_LOCALES } from '../locales/read-locales';
import { englishIn, rawKeysIn, shownTexts } from './english-left-over';

let session: ExtensionSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

const SECTIONS = [
  ['general', 'optionsGeneral'],
  ['routine', 'optionsRoutine'],
  ['sites', 'optionsSites'],
  ['history', 'optionsHistory'],
  ['insights', 'optionsInsights'],
  ['follow-ups', 'optionsFollowUps'],
  ['your-data', 'optionsYourData'],
] as const;

/** A tough call an hour ago with its conversation, reset and follow-ups: every History and Insights line shows. */
async function seedHistory(session: ExtensionSession) {
  const endedAt = Date.now() - 3_600_000;
  const callId = await session.addRow('calls', {
    callKey: `hubspot:locales-${endedAt}`,
    source: 'hubspot',
    host: 'app.hubspot.com',
    direction: 'outbound',
    startedAt: endedAt - 245_000,
    endedAt,
    durationMs: 245_000,
    outcome: 'completed',
    endReason: 'hang-up',
    rating: 'tough',
    tags: ['angry-customer', 'price'],
    talk: {
      figures: {
        heardS: 240,
        repTalkS: 60,
        otherTalkS: 140,
        overtalkS: 12,
        longestOtherS: 75,
        longestRepS: 20,
        silenceS: 40,
        loudMoments: 3,
      },
      timeline: [
        [2, 75],
        [1, 20],
        [3, 12],
        [0, 40],
      ],
    },
  });
  await session.addRow('calls', {
    callKey: `webrtc:locales-${endedAt}`,
    source: 'webrtc',
    host: 'crm.example.com',
    endedAt: endedAt - 600_000,
    durationMs: 30_000,
    outcome: 'no-answer',
    endReason: 'hang-up',
    tags: [],
  });
  await session.addRow('resets', {
    kind: 'after-call',
    callId,
    startedAt: endedAt + 60_000,
    completedAt: endedAt + 180_000,
    steps: ['breathe-5', 'not-about-you', 'one-lesson'],
    moodBefore: 2,
    moodAfter: 4,
    causes: ['price', 'their-day'],
    lesson: { wentWell: 'Dana', doDifferently: 'Dana' },
  });
  await session.addRow('followUps', { callId, who: 'Dana', dueAt: Date.now() + 86_400_000, kind: 'after-call' });
  await session.addRow('followUps', { who: 'Sam', dueAt: endedAt, doneAt: endedAt + 1000 });
}

it.each(TRANSLATED_LOCALES)('Options (every section, a call’s detail) and onboarding speak %s', async (locale) => {
  const uiLanguage = locale.replace('_', '-');
  session = await launchExtension({ uiLanguage });
  await seedHistory(session);
  const messages = readLocale(locale);
  const say = (key: string) => messages[key]?.message ?? `missing ${key}`;
  const page = await session.context.newPage();
  const problems: string[] = [];
  const check = async (view: string, where: Page = page) => {
    const texts = await shownTexts(where);
    for (const found of englishIn(texts, locale)) problems.push(`${view}: English ${found}`);
    for (const key of rawKeysIn(texts)) problems.push(`${view}: raw key ${key}`);
  };

  for (const [id, title] of SECTIONS) {
    await page.goto(session.extensionUrl(`options/index.html#${id}`));
    await page.getByRole('heading', { level: 1, name: say(title), exact: true }).waitFor();
    await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
    if (id === 'history') await page.locator('.history-row').nth(1).waitFor();
    if (id === 'insights') await page.getByText(say('insightsLessons'), { exact: true }).waitFor();
    await check(id);
  }

  await page.goto(session.extensionUrl('options/index.html#history'));
  const rows = page.locator('.history-row');
  await rows.nth(1).waitFor();
  expect(await rows.allTextContents()).toEqual([
    expect.stringContaining(`${say('tagAngryCustomer')}, ${say('tagPrice')}`),
    expect.stringContaining(say('dialer_webrtc')),
  ]);
  await rows.first().click();
  const detail = page.getByRole('dialog');
  await detail.getByText(say('historyResets'), { exact: true }).waitFor();
  expect(await detail.textContent()).toContain(`${say('causePrice')}; ${say('causeTheirDay')}`);
  await detail.getByText(say('talkHeading'), { exact: true }).waitFor();
  await check('call detail');

  await page.goto(session.extensionUrl('onboarding/index.html'));
  await page.getByRole('heading', { level: 1, name: say('onboardingTitle'), exact: true }).waitFor();
  await page.getByText(say('dialer_hubspot'), { exact: true }).waitFor();
  await check('onboarding');

  expect(problems).toEqual([]);
  expect(session.extensionErrors).toEqual([]);
});

it.each(TRANSLATED_LOCALES)('the toast speaks %s, asking and after a tough rating', async (locale) => {
  session = await launchExtension({ uiLanguage: locale.replace('_', '-') });
  await session.setSettings({ minCallSeconds: 1, cooldownMinutes: 0 });
  const messages = readLocale(locale);
  const say = (key: string) => messages[key]?.message ?? `missing ${key}`;
  const page = await session.openDemoDialer('answerDelayMs=0');
  const toast = await ClosedShadowToast.attach(page);
  const softphone = page.frameLocator('#softphone');
  await page.getByRole('button', { name: 'Call Dana Whitfield' }).click();
  await softphone.getByText('On call').waitFor();
  await page.waitForTimeout(1200);
  await softphone.getByRole('button', { name: 'Hang up' }).click();
  await toast.waitShown(10_000);

  const asking = await toast.shownTexts();
  expect(asking).toContain(say('toastQuestion'));
  expect(asking.join(' ')).toContain(say('dialer_hubspot'));
  await toast.click(say('ratingTough'));
  await expect.poll(() => toast.text()).toContain(say('toastToughThanks'));
  const after = await toast.shownTexts();

  expect([...englishIn(asking, locale), ...englishIn(after, locale)]).toEqual([]);
  expect([...rawKeysIn(asking), ...rawKeysIn(after)]).toEqual([]);
  expect(session.extensionErrors).toEqual([]);
});
