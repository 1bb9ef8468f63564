/**
 * The popup's open, split into where the time goes. Every time is from the popup document's
 * navigation start (its `performance.timeOrigin`): the browser starting to load popup/index.html,
 * which is where a real popup starts too. The tab the harness opens first (CDP target creation)
 * comes before that origin, so it is in none of these figures.
 *
 * "Interactive" is read twice. `interactive` is the bench's figure since it began: the harness
 * polls the page once a frame from the moment the navigation commits (it used to wait for
 * the load event over CDP first, which added 30–40 ms of round trips the popup does not cost: the
 * load event's notice, then the poll's injection, each a trip through the browser process).
 * `interactiveInPage` is the same check (every frame, the same selectors) started by the page
 * itself at document start: no round trip at all stands between the popup being ready and the
 * check seeing it. Both are reported.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { type Figure, median } from './figures';

/** "Interactive": the Quick reset button enabled and the last call's card drawn. */
export const POPUP_INTERACTIVE = ['button.primary:enabled', '[data-testid="last-call"]'];

/** The popup sets this mark when home's first reads are in (src/popup/boot-marks.ts). */
const READS_MARK = 'rebound:home-reads';

export interface PopupOpen {
  /** The first byte of popup/index.html. */
  firstByte: number;
  /** The last byte of popup/index.html. */
  lastByte: number;
  /**
   * The HTML parsed (its scripts not run yet). From the last byte to here is the renderer taking
   * the page on (committing the navigation, creating the document) more than parsing 14 lines.
   * Chromium gives extension pages' own scripts no resource timing, so their fetch is not split
   * out: it lies between this and `scriptsRun`.
   */
  parsed: number;
  /** Every module script evaluated (the entry's synchronous first render included). */
  scriptsRun: number;
  /** Home's first reads in (storage and IndexedDB); undefined on a build without the mark. */
  readsIn?: number;
  /** The page's first paint. */
  firstPaint?: number;
  interactive: number;
  /** The same check run by the page from document start (see above). */
  interactiveInPage: number;
}

const SLOW_MS = 300_000;

/**
 * Waits in the page until every selector matches and returns the page's time since navigation
 * start (a function, not a string: extension pages forbid eval).
 */
export function readyAt(page: Page, selectors: string[]): Promise<number> {
  return page
    .waitForFunction(
      (all) => (all.every((selector) => document.querySelector(selector)) ? performance.now() : false),
      selectors,
      { timeout: SLOW_MS, polling: 'raf' },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

/** Where the in-page check leaves its time. */
const IN_PAGE_KEY = '__reboundInteractiveAt';

/**
 * Runs in the popup from document start: the frame-by-frame check, with no harness in the way.
 * Source text, not a function: tsx would wrap a function's inner names in a helper the page lacks.
 */
const WATCH_INTERACTIVE = `(() => {
  const selectors = ${JSON.stringify(POPUP_INTERACTIVE)};
  const check = () => {
    if (selectors.every((selector) => document.querySelector(selector))) window.${IN_PAGE_KEY} = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** Opens the popup in a new tab, waits until it is interactive and reads where the time went. */
export async function openPopup(context: BrowserContext, url: string): Promise<PopupOpen> {
  const popup = await context.newPage();
  await popup.addInitScript({ content: WATCH_INTERACTIVE });
  await popup.goto(url, { waitUntil: 'commit' });
  const interactive = await readyAt(popup, POPUP_INTERACTIVE);
  const interactiveInPage = await popup
    .waitForFunction((key) => (window as unknown as Record<string, number | undefined>)[key] ?? false, IN_PAGE_KEY, {
      timeout: SLOW_MS,
    })
    .then((handle) => handle.jsonValue() as Promise<number>);
  const timing = await popup.evaluate((mark) => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return {
      firstByte: navigation?.responseStart ?? 0,
      lastByte: navigation?.responseEnd ?? 0,
      parsed: navigation?.domInteractive ?? 0,
      scriptsRun: navigation?.domContentLoadedEventStart ?? 0,
      readsIn: performance.getEntriesByName(mark)[0]?.startTime,
      firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime,
    };
  }, READS_MARK);
  await popup.close();
  return { ...timing, interactive, interactiveInPage };
}

/** The split of one open (`label` says which), as figures. */
export function popupOpenFigures(group: string, label: string, opens: readonly PopupOpen[]): Figure[] {
  const at = (pick: (open: PopupOpen) => number | undefined) => {
    const values = opens.map(pick).filter((value): value is number => value !== undefined);
    return values.length === opens.length ? Math.round(median(values)) : undefined;
  };
  const parts: [string, number | undefined][] = [
    ['navigation → first byte', at((open) => open.firstByte)],
    ['navigation → last byte', at((open) => open.lastByte)],
    ['navigation → HTML parsed', at((open) => open.parsed)],
    ['navigation → scripts run (DOMContentLoaded)', at((open) => open.scriptsRun)],
    ['navigation → first paint', at((open) => open.firstPaint)],
    ['navigation → home reads in', at((open) => open.readsIn)],
    ['navigation → interactive, seen in the page', at((open) => open.interactiveInPage)],
    ['navigation → interactive, seen by the harness', at((open) => open.interactive)],
  ];
  return parts.flatMap(([name, value]) =>
    value === undefined ? [] : [{ group, name: `popup ${label}: ${name}`, value, unit: 'ms' }],
  );
}
