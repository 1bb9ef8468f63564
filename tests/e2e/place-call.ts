/** A call placed on a fixture dialer the way a rep places one: dial, wait until it is on, talk, hang up. */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface CallControls {
  /** What the rep clicks to call. */
  dial: Locator;
  /** Where the fixture shows its `#call-status`. */
  status: Page | FrameLocator;
  hangUp: Locator;
  /** How long the call stays on before the hang-up. */
  talkMs: number;
}

export async function placeCall(page: Page, { dial, status, hangUp, talkMs }: CallControls): Promise<void> {
  await dial.click();
  await expect.poll(() => status.locator('#call-status').textContent()).toBe('On call');
  if (talkMs > 0) await page.waitForTimeout(talkMs);
  await hangUp.click();
}

/** A call from the demo CRM's contact list, hung up in its softphone. */
export function callOnDemoDialer(page: Page, { contact = 'Dana Whitfield', talkMs = 1200 } = {}): Promise<void> {
  const softphone = page.frameLocator('#softphone');
  return placeCall(page, {
    dial: page.getByRole('button', { name: `Call ${contact}` }),
    status: softphone,
    hangUp: softphone.getByRole('button', { name: 'Hang up' }),
    talkMs,
  });
}
