/**
 * The popup's open, split into where the time goes. Every time is from the popup document's
 * navigation start (its `performance.timeOrigin`): the browser starting to load popup/index.html,
 * which is where a real popup starts too. The tab the harness opens first (CDP target creation)
 * comes before that origin, so it is in none of these figures.
 *
 * "Interactive" is seen by the page itself (./seen-by-page.ts): a check run from document start,
 * every frame, which says so on the console. Playwright's own polling evaluates its injected
 * script on the page's main thread the first time it is used: in a trace of a first open that was
 * 25 ms while the popup loaded, and the same build read 110 ms first open polled that way, 98
 * watched from the page. A rep's popup has no such script, so none runs here until the page has
 * said it is ready.
 */
import type { BrowserContext } from 'playwright-core';
import { type Figure, median } from './figures';
import { watchReady } from './seen-by-page';

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
}

/** Opens the popup in a new tab, waits until it is interactive and reads where the time went. */
export async function openPopup(context: BrowserContext, url: string): Promise<PopupOpen> {
  const popup = await context.newPage();
  const { ready } = await watchReady(popup, POPUP_INTERACTIVE);
  await popup.goto(url, { waitUntil: 'commit' });
  const interactive = await ready;
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
  return { ...timing, interactive };
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
    ['navigation → interactive', at((open) => open.interactive)],
  ];
  return parts.flatMap(([name, value]) =>
    value === undefined ? [] : [{ group, name: `popup ${label}: ${name}`, value, unit: 'ms' }],
  );
}
