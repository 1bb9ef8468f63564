/**
 * The action popup that `action.openPopup()` opens is a page target Playwright does not list,
 * so tests reach it over raw CDP. Clicks here are DOM clicks; the popup is our own page, with
 * nothing to distrust.
 */
import type { Page } from 'playwright-core';
import { CdpTarget } from './cdp-target';

export class ExtensionPopup extends CdpTarget {
  /** Waits for a popup whose URL starts with `urlPrefix` to open, and attaches to it. */
  static async waitFor(anyPage: Page, urlPrefix: string, timeoutMs = 10_000): Promise<ExtensionPopup> {
    const { cdp, sessionId } = await CdpTarget.attachWhere(
      anyPage,
      (target) => target.type === 'page' && target.url.startsWith(urlPrefix),
      timeoutMs,
    ).catch(() => {
      throw new Error(`no popup at ${urlPrefix}`);
    });
    const popup = new ExtensionPopup(cdp, sessionId);
    await popup.enableEvents();
    return popup;
  }

  /** A PNG of the popup as it looks now. */
  async screenshot(): Promise<Buffer> {
    const { data } = (await this.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
    return Buffer.from(data, 'base64');
  }

  text(): Promise<string> {
    return this.evaluate<string>('document.body.innerText');
  }

  /** Polls until the page's text contains `text`. */
  async waitForText(text: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.text().catch(() => '')).includes(text)) {
      if (Date.now() > deadline) throw new Error(`popup never showed "${text}"; it shows: ${await this.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  clickButton(label: string): Promise<void> {
    return this.evaluate(`(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(label)});
      if (!button) throw new Error('no button ' + ${JSON.stringify(label)});
      button.click();
    })()`);
  }
}

/** The after-call routine's steps after "Throw it away", each reached from the one before with Skip. */
export const STEPS_AFTER_THROW_IT_AWAY = [
  'What was it really about?',
  'One thing to keep',
  'Anything to follow up?',
  'Ready for the next one',
];

/** From "Throw it away", skips the after-call routine's middle steps to "Ready for the next one". */
export async function skipToReady(routine: ExtensionPopup): Promise<void> {
  for (const next of STEPS_AFTER_THROW_IT_AWAY) {
    await routine.clickButton('Skip');
    await routine.waitForText(next);
  }
}
