/**
 * The action popup that `action.openPopup()` opens is a page target Playwright does not list,
 * so tests reach it over raw CDP: attach to the target through a tab's session and evaluate
 * in it. Clicks here are DOM clicks; the popup is our own page, with nothing to distrust.
 */
import type { CDPSession, Page } from 'playwright-core';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export class ExtensionPopup {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = reply.id === undefined ? undefined : this.pending.get(reply.id);
      if (!waiter || reply.id === undefined) return;
      this.pending.delete(reply.id);
      if (reply.error) waiter.reject(new Error(reply.error.message));
      else waiter.resolve(reply.result);
    });
  }

  /** Waits for a popup whose URL starts with `urlPrefix` to open, and attaches to it. */
  static async waitFor(anyPage: Page, urlPrefix: string, timeoutMs = 10_000): Promise<ExtensionPopup> {
    const cdp = await anyPage.context().newCDPSession(anyPage);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
      const target = targetInfos.find((info) => info.type === 'page' && info.url.startsWith(urlPrefix));
      if (target) {
        const { sessionId } = (await cdp.send('Target.attachToTarget', {
          targetId: target.targetId,
          flatten: false,
        })) as {
          sessionId: string;
        };
        return new ExtensionPopup(cdp, sessionId);
      }
      if (Date.now() > deadline) throw new Error(`no popup at ${urlPrefix}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private send(method: string, params: Record<string, unknown>): Promise<unknown> {
    const id = this.nextId++;
    const reply = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    void this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return reply;
  }

  async evaluate<T>(expression: string): Promise<T> {
    const result = (await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
      result: { value: T };
      exceptionDetails?: { text: string };
    };
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
    return result.result.value;
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
