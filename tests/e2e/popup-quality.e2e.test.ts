/**
 * Every popup view, scanned with axe-core in light and dark mode; the same views in Spanish
 * with no missing or English strings; "On a call" while a call is live.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from '../../scripts/driver/extension-session';
import { axeViolations, openPopup } from './popup-driver';
import { ENGLISH, SPANISH, walkEveryView } from './popup-views';

let session: ExtensionSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Every step of every routine, by its English heading. */
const EVERY_STEP = [
  'How did that one go?',
  'Breathe',
  'Throw it away',
  'What was it really about?',
  'One thing to keep',
  'Anything to follow up?',
  'Ready for the next one',
  'A no is fine',
  'Ask how you could do better',
  "Don't push. Ask where they stand",
  'Give yourself the last word',
  'The fact to state',
  'The question to ask',
  'Practise it with someone',
  'For the next tough moment',
  'Reach out',
  'Practise the worst one',
  'Why you do this',
];

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

  it('speaks Spanish with no missing keys and no English left over', async () => {
    session = await launchExtension({ uiLanguage: 'es' });
    await session.setSettings({ breathSeconds: 3 });
    const page = await openPopup(session);
    const locales = path.join(import.meta.dirname, '../../public/_locales');
    const read = (locale: string) =>
      JSON.parse(readFileSync(path.join(locales, locale, 'messages.json'), 'utf8')) as Record<
        string,
        { message: string }
      >;
    const [en, es] = [read('en'), read('es')];
    // English words that would show only if a Spanish string were missing or not used.
    const english = Object.entries(en)
      .filter(([key, { message }]) => message !== es[key]?.message && !message.includes('$') && message.length > 3)
      .map(([, { message }]) => message);

    const problems: string[] = [];
    const seen = await walkEveryView(session, page, SPANISH, async (view) => {
      const { text, empty } = await page.evaluate(() => ({
        text: document.body.textContent ?? '',
        empty: [...document.querySelectorAll('button, h1, h2, label, legend, dt')]
          .filter((element) => !element.textContent?.trim())
          .map((element) => element.outerHTML.slice(0, 80)),
      }));
      for (const element of empty) problems.push(`${view}: empty ${element}`);
      for (const message of english) if (text.includes(message)) problems.push(`${view}: English "${message}"`);
      for (const key of Object.keys(en)) if (text.includes(key)) problems.push(`${view}: raw key ${key}`);
    });
    expect(seen).toContain('¿De qué iba en realidad?');
    expect(new Set(seen).size).toBe(EVERY_STEP.length);
    expect(problems).toEqual([]);
    expect(session.extensionErrors).toEqual([]);
  });

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
