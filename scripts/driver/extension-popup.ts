/**
 * The action popup that `action.openPopup()` opens is a page target Playwright does not list,
 * so tests reach it over raw CDP: attach to the target through a tab's session and evaluate
 * in it. Clicks here are DOM clicks; the popup is our own page, with nothing to distrust.
 */
import type { CDPSession, Page } from 'playwright-core';

interface CdpMessage {
  id?: number;
  result?: unknown;
  error?: { message: string };
  method?: string;
  params?: {
    type?: string;
    args?: Array<{ value?: unknown; description?: string }>;
    exceptionDetails?: { exception?: { description?: string } };
    request?: { url?: string };
  };
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export class ExtensionPopup {
  /** Console errors and uncaught exceptions in the popup since attaching. */
  readonly errors: string[] = [];
  /** URLs the popup requested since attaching. */
  readonly requests: string[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const reply = JSON.parse(event.message) as CdpMessage;
      this.record(reply);
      const waiter = reply.id === undefined ? undefined : this.pending.get(reply.id);
      if (!waiter || reply.id === undefined) return;
      this.pending.delete(reply.id);
      if (reply.error) waiter.reject(new Error(reply.error.message));
      else waiter.resolve(reply.result);
    });
  }

  private record(message: CdpMessage): void {
    if (message.method === 'Network.requestWillBeSent' && message.params?.request?.url) {
      this.requests.push(message.params.request.url);
    } else if (message.method === 'Runtime.exceptionThrown') {
      this.errors.push(message.params?.exceptionDetails?.exception?.description ?? 'exception');
    } else if (message.method === 'Runtime.consoleAPICalled' && message.params?.type === 'error') {
      this.errors.push((message.params.args ?? []).map((arg) => arg.value ?? arg.description).join(' '));
    }
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
        const popup = new ExtensionPopup(cdp, sessionId);
        await popup.send('Runtime.enable', {});
        await popup.send('Network.enable', {});
        return popup;
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
