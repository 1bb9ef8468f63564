/** Drives the popup opened as a tab, by role and visible text, as a rep would with a keyboard or mouse. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionSession } from '../../scripts/driver/extension-session';
import { SCRIPT_ANSWER_MS, within } from '../../scripts/driver/within';
import { readLocale, TRANSLATED_LOCALES } from '../locales/read-locales';

/** "Quick reset" in every language the popup speaks: it shows once the popup is ready. */
const QUICK_RESET = ['en', ...TRANSLATED_LOCALES].map((locale) =>
  (readLocale(locale).popupQuickReset?.message ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
);

export async function openPopup(session: ExtensionSession): Promise<Page> {
  const page = await within(SCRIPT_ANSWER_MS, 'a new tab for the popup', session.context.newPage());
  await page.goto(session.extensionUrl('popup/index.html'));
  await page
    .getByRole('button', { name: new RegExp(`^(${QUICK_RESET.join('|')})$`) })
    .first()
    .waitFor();
  return page;
}

export async function heading(page: Page, name: string | RegExp, timeout = 10_000): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout });
}

/**
 * Lets the breath step on screen run out without waiting its seconds: the page's monotonic clock
 * jumps ahead by what its count shows, and the step still ends only when its own countdown reaches
 * zero. The pacing itself is unit-tested, and call-flow.e2e waits a breath out in real time.
 */
export async function passBreath(page: Page): Promise<void> {
  const left = Number(await page.getByTestId('breath-count').textContent());
  await within(
    SCRIPT_ANSWER_MS,
    "the breath's clock to jump ahead",
    page.evaluate((ms) => {
      const now = performance.now.bind(performance);
      performance.now = () => now() + ms;
    }, left * 1000),
  );
}

export const click = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' }).click();

/** A demo call row, as the background writes one, ended a minute ago. */
export function demoCall(session: ExtensionSession, overrides: Record<string, unknown> = {}) {
  const endedAt = Date.now() - 60_000;
  return session.addRow('calls', {
    callKey: `hubspot:e2e-${endedAt}`,
    source: 'hubspot',
    host: new URL(session.server.url).host,
    direction: 'outbound',
    startedAt: endedAt - 95_000,
    endedAt,
    durationMs: 95_000,
    outcome: 'completed',
    endReason: 'hang-up',
    tags: [],
    ...overrides,
  });
}

export async function waitForRows<T>(read: () => Promise<T[]>, count: number): Promise<T[]> {
  await expect.poll(async () => (await read()).length, { timeout: 10_000 }).toBe(count);
  return read();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core over the page as it is now; returns the violations, described. */
export async function axeViolations(page: Page): Promise<string[]> {
  const hasAxe = await within(
    SCRIPT_ANSWER_MS,
    'a look for axe-core',
    page.evaluate(() => 'axe' in window),
  );
  if (!hasAxe) await within(SCRIPT_ANSWER_MS, 'axe-core to load', page.evaluate(axeSource));
  const scan = page.evaluate(async () => {
    type Results = { violations: unknown[]; passes: unknown[] };
    const axe = (window as unknown as { axe: { run(context: Document): Promise<Results> } }).axe;
    const results = await axe.run(document);
    return { violations: results.violations as AxeViolation[], passes: results.passes.length };
  });
  const { violations, passes } = await within(30_000, 'an axe-core scan', scan);
  // A scan that checked nothing would report no violations too.
  if (passes === 0) throw new Error('axe-core checked no rules');
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

export { skipToReady } from '../../scripts/driver/extension-popup';
