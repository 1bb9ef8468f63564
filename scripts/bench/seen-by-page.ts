/**
 * Moments the bench times as the page itself sees them, said on the console. Playwright's own
 * polling (waitForFunction, a locator's waitFor) evaluates its injected script, about 330 KB, on
 * the page's main thread the first time it is used, and a driver's clock around a click adds the
 * round trips of its actionability checks and input: neither is in a rep's wait. The page's
 * checks are source text, not functions: tsx would wrap a function's inner names in a helper the
 * page lacks.
 */
import type { Locator, Page } from 'playwright-core';

const SLOW_MS = 300_000;

/** What the page's own check writes on the console, followed by its time. */
const NOTICE = 'rebound-bench-seen ';

/** The time in the next notice the page writes on the console. */
function nextNotice(page: Page, what: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      page.off('console', heard);
      reject(new Error(`${what}: never seen`));
    }, SLOW_MS);
    const heard = (message: { text(): string }) => {
      const text = message.text();
      if (!text.startsWith(NOTICE)) return;
      clearTimeout(timer);
      page.off('console', heard);
      resolve(Number(text.slice(NOTICE.length)));
    };
    page.on('console', heard);
  });
}

/** Page source: checks `condition` once a frame and, the first time it holds, says `time` in a notice. */
const onceAFrameUntil = (condition: string, time: string) => `const check = () => {
    if (${condition}) console.debug(${JSON.stringify(NOTICE)} + (${time}));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);`;

/**
 * Watches, from the next document this page loads, for every selector to match, checked once a
 * frame by the page itself. Awaited before that navigation starts (the check must be in place
 * first); its `ready` resolves with the page's time since navigation start.
 */
export async function watchReady(page: Page, selectors: string[]): Promise<{ ready: Promise<number> }> {
  await page.addInitScript({
    content: `(() => {
  const selectors = ${JSON.stringify(selectors)};
  ${onceAFrameUntil('selectors.every((selector) => document.querySelector(selector))', 'performance.now()')}
})();`,
  });
  return { ready: nextNotice(page, selectors.join(', ')) };
}

/**
 * Taps `target` and times, in the page, from the tap's input event to the first frame in which
 * the page expression `shown` is true: what the rep waits for after a click.
 */
export async function tapToShown(page: Page, target: Locator, shown: string): Promise<number> {
  await page.evaluate(`(() => {
  addEventListener('click', (event) => {
    const tappedAt = event.timeStamp;
    ${onceAFrameUntil(shown, 'performance.now() - tappedAt')}
  }, { capture: true, once: true });
})()`);
  const seen = nextNotice(page, shown);
  await target.click();
  return seen;
}
