/**
 * Every popup view, scanned with axe-core in light and dark mode; the same views in every
 * translated locale with no missing message and no English left over; "On a call" while a call is live.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from '../../scripts/driver/extension-session';
import { SCRIPT_ANSWER_MS, within } from '../../scripts/driver/within';
import { readLocale, TRANSLATED_LOCALES } from '../locales/read-locales';
import { englishIn, rawKeysIn, shownTexts } from './english-left-over';
import { axeViolations, openPopup } from './popup-driver';
import { ENGLISH, EVERY_STEP_TITLE, labelsIn, walkEveryView } from './popup-views';

let session: ExtensionSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

const english = readLocale('en');
const EVERY_STEP = EVERY_STEP_TITLE.map((key) => english[key]?.message);

describe('the popup', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations on any view (${colorScheme})`, async () => {
      session = await launchExtension();
      await session.setSettings({ breathSeconds: 3 });
      const page = await openPopup(session);
      await page.emulateMedia({ colorScheme });
      const violations: string[] = [];
      const views: string[] = [];
      const seen = await walkEveryView(session, page, ENGLISH, async (view) => {
        views.push(view);
        for (const violation of await axeViolations(page)) violations.push(`${view}: ${violation}`);
      });
      expect(new Set(seen)).toEqual(new Set(EVERY_STEP));
      expect(views.length).toBeGreaterThanOrEqual(EVERY_STEP.length + 3);
      expect(violations).toEqual([]);
      expect(session.extensionErrors).toEqual([]);
    });
  }

  it.each(TRANSLATED_LOCALES)(
    'speaks %s on every view, with no missing message and no English left over',
    async (locale) => {
      const uiLanguage = locale.replace('_', '-');
      session = await launchExtension({ uiLanguage });
      await session.setSettings({ breathSeconds: 3 });
      const page = await openPopup(session);
      const lang = page.evaluate(() => document.documentElement.lang);
      expect(await within(SCRIPT_ANSWER_MS, "the popup's lang", lang)).toBe(uiLanguage);
      const messages = readLocale(locale);

      const problems: string[] = [];
      const seen = await walkEveryView(session, page, labelsIn(messages), async (view) => {
        const texts = await shownTexts(page);
        const emptyElements = page.evaluate(() =>
          [...document.querySelectorAll('button, h1, h2, label, legend, dt, dd')]
            .filter((element) => !element.textContent?.trim())
            .map((element) => element.outerHTML.slice(0, 80)),
        );
        const empty = await within(SCRIPT_ANSWER_MS, `the empty elements of ${view}`, emptyElements);
        for (const element of empty) problems.push(`${view}: empty ${element}`);
        for (const found of englishIn(texts, locale)) problems.push(`${view}: English ${found}`);
        for (const key of rawKeysIn(texts)) problems.push(`${view}: raw key ${key}`);
      });
      expect(new Set(seen)).toEqual(new Set(EVERY_STEP_TITLE.map((key) => messages[key]?.message)));
      expect(problems).toEqual([]);
      expect(session.extensionErrors).toEqual([]);
    },
  );

  it('breathes as a text-only countdown under prefers-reduced-motion', async () => {
    session = await launchExtension();
    const page = await openPopup(session);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.getByRole('button', { name: 'Quick reset' }).click();
    await page.getByRole('heading', { name: 'Breathe' }).waitFor();
    expect(await page.locator('.breath-circle').isVisible()).toBe(false);
    expect(await page.getByTestId('breath-count').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('breath-count').textContent(), { timeout: 5000 }).toBe('3');
    expect(await page.getByRole('timer').textContent()).toMatch(/\d/);
  });

  it('says "On a call in <dialer>" while a call is live', async () => {
    session = await launchExtension();
    const dialer = await session.openDemoDialer('answerDelayMs=0');
    const softphone = dialer.frameLocator('#softphone');
    await dialer.getByRole('button', { name: 'Call Dana Whitfield' }).click();
    await expect.poll(() => softphone.locator('#call-status').textContent()).toBe('On call');
    const page = await openPopup(session);
    await expect.poll(() => page.getByTestId('on-a-call').textContent()).toBe('On a call in HubSpot calling');
    await softphone.getByRole('button', { name: 'Hang up' }).click();
    // The open popup follows the call: no reload.
    await expect.poll(() => page.getByTestId('on-a-call').count(), { timeout: 10_000 }).toBe(0);
    expect(await session.readTable('calls')).toHaveLength(1);
  });
});
