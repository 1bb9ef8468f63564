/**
 * Walks every view of the popup, in any of its languages: home (empty, then with a call, a due
 * follow-up, a routine left mid-way, and the rough run offered after two tough calls), the form
 * for a call logged by hand, and each step of the five routines. `visit` runs on each view once
 * it shows.
 */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../scripts/driver/extension-session';
import { type LocaleMessages, readLocale } from '../locales/read-locales';
import { demoCall, heading, passBreath } from './popup-driver';

export type Labels = Record<
  | 'quick'
  | 'wentQuiet'
  | 'prep'
  | 'roughRun'
  | 'resetAfterCall'
  | 'skip'
  | 'leave'
  | 'throwIt'
  | 'discard'
  | 'breathe'
  | 'logCall'
  | 'logCallTitle'
  | 'back',
  string
>;

/** The labels the walk clicks, in a locale's own words. */
export function labelsIn(messages: LocaleMessages): Labels {
  const say = (key: string) => messages[key]?.message ?? `missing ${key}`;
  return {
    quick: say('popupQuickReset'),
    wentQuiet: say('popupWentQuiet'),
    prep: say('popupPrep'),
    roughRun: say('popupRoughRun'),
    resetAfterCall: say('popupResetAfterCall'),
    skip: say('routineSkip'),
    leave: say('routineLeave'),
    throwIt: say('routineThrowButton'),
    discard: say('draftDiscard'),
    breathe: say('routineBreatheTitle'),
    logCall: say('popupLogCall'),
    logCallTitle: say('manualTitle'),
    back: say('manualCancel'),
  };
}

export const ENGLISH = labelsIn(readLocale('en'));

/** The title of every step of every routine, by message key. */
export const EVERY_STEP_TITLE = [
  'routineRateTitle',
  'routineBreatheTitle',
  'routineThrowTitle',
  'routineReframeTitle',
  'routineLessonTitle',
  'routineFollowUpTitle',
  'routineReadyTitle',
  'quietOkWithNoTitle',
  'quietAskFeedbackTitle',
  'quietDontCloseTitle',
  'quietLastWordTitle',
  'prepTruthTitle',
  'prepQuestionTitle',
  'prepRolePlayTitle',
  'roughStayCalmTitle',
  'roughSupportTitle',
  'roughRolePlayTitle',
  'roughBeliefTitle',
] as const;

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function stepHeading(page: Page): Promise<string> {
  const h1 = page.locator('main.routine h1');
  await h1.waitFor();
  return (await h1.textContent()) ?? '';
}

/** Skips through a routine's steps, visiting each; returns the step headings seen. */
async function walkRoutine(page: Page, labels: Labels, visit: (view: string) => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  for (;;) {
    const title = await stepHeading(page);
    seen.push(title);
    await visit(`step: ${title}`);
    // A short breath moves on by itself; every other step, and the rough run's 90 s breath, is skipped.
    const longBreath = title === labels.breathe && Number(await page.getByTestId('breath-count').textContent()) > 10;
    if (title === labels.breathe && !longBreath) {
      await passBreath(page);
    } else {
      if (await button(page, labels.throwIt).isVisible()) {
        await button(page, labels.throwIt).click();
        await visit(`step: ${title} (thrown)`);
      }
      await button(page, labels.skip).click();
    }
    const next = page
      .locator('main.routine h1')
      .filter({ hasNotText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
      .or(button(page, labels.quick));
    await next.first().waitFor({ timeout: 15_000 });
    if (await button(page, labels.quick).isVisible()) return seen;
  }
}

export async function walkEveryView(
  session: ExtensionSession,
  page: Page,
  labels: Labels,
  visit: (view: string) => Promise<void>,
): Promise<string[]> {
  const seen: string[] = [];
  await button(page, labels.quick).waitFor();
  await visit('home: empty');

  await button(page, labels.logCall).click();
  await heading(page, labels.logCallTitle);
  await visit('a call logged by hand');
  await button(page, labels.back).click();
  await button(page, labels.quick).waitFor();

  await demoCall(session);
  // Two tough calls before it, for the rough run. Rows written raw pass by the roll-up upkeep;
  // the resets the walk records below rebuild today's roll-up from its rows, so home counts them.
  for (const minutes of [2, 3]) {
    const endedAt = Date.now() - minutes * 60_000;
    await demoCall(session, {
      callKey: `hubspot:e2e-tough-${minutes}`,
      endedAt,
      startedAt: endedAt - 95_000,
      rating: 'tough',
    });
  }
  await session.addRow('followUps', { who: 'Dana', dueAt: Date.now() - 60_000, note: 'Closure call' });
  await page.reload();
  await page.getByTestId('follow-ups').waitFor();
  await page.getByTestId('last-call').waitFor();
  await visit('home: a call and a due follow-up');

  await button(page, labels.wentQuiet).click();
  await heading(page, /.+/);
  await button(page, labels.skip).click();
  await button(page, labels.leave).click();
  await page.getByTestId('draft').waitFor();
  await visit('home: a routine left mid-way');
  await button(page, labels.discard).click();
  // The draft's card goes once its slot is cleared, moving the buttons below it up: the next
  // click waits for that, or it could land where a button was.
  await page.getByTestId('draft').waitFor({ state: 'detached' });

  for (const start of [labels.resetAfterCall, labels.wentQuiet, labels.prep, labels.quick]) {
    await button(page, start).click();
    seen.push(...(await walkRoutine(page, labels, visit)));
  }

  await page.reload();
  await page.getByTestId('rough-run-offer').waitFor();
  await visit('home: the rough run offered after two tough calls');
  await button(page, labels.roughRun).click();
  seen.push(...(await walkRoutine(page, labels, visit)));
  return seen;
}
