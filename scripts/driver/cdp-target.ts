/**
 * A DevTools target Playwright does not hand out (the action popup, the extension's service
 * worker once restarted), reached over raw CDP: attached through any tab's session, commands sent
 * with Target.sendMessageToTarget. Events and console output are recorded as they arrive.
 */
import type { CDPSession, Page } from 'playwright-core';
import { SCRIPT_ANSWER_MS, within } from './within';

export interface CdpMessage {
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

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export class CdpTarget {
  /** Console errors and uncaught exceptions since attaching. */
  readonly errors: string[] = [];
  /** URLs requested since attaching. */
  readonly requests: string[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  protected constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as CdpMessage;
      this.record(message);
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter || message.id === undefined) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
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

  /** Waits for a target that `matches`, attaches, and turns on console and network events. */
  protected static async attachWhere(
    anyPage: Page,
    matches: (target: TargetInfo) => boolean,
    timeoutMs: number,
  ): Promise<{ cdp: CDPSession; sessionId: string }> {
    const cdp = await anyPage.context().newCDPSession(anyPage);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
      const target = targetInfos.find(matches);
      if (target) {
        const { sessionId } = (await cdp.send('Target.attachToTarget', {
          targetId: target.targetId,
          flatten: false,
        })) as { sessionId: string };
        return { cdp, sessionId };
      }
      if (Date.now() > deadline) throw new Error('no such target');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  static async attach(anyPage: Page, matches: (target: TargetInfo) => boolean, timeoutMs = 10_000): Promise<CdpTarget> {
    const { cdp, sessionId } = await CdpTarget.attachWhere(anyPage, matches, timeoutMs);
    const target = new CdpTarget(cdp, sessionId);
    await target.enableEvents();
    return target;
  }

  protected async enableEvents(): Promise<void> {
    await this.send('Runtime.enable', {});
    await this.send('Network.enable', {});
  }

  /**
   * One command to the target. Its answer comes as an event, so nothing settles it when the target
   * goes away (a popup that closes itself) or the message is never delivered: it is bounded here.
   */
  send(method: string, params: Record<string, unknown>): Promise<unknown> {
    const id = this.nextId++;
    const reply = new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.cdp
        .send('Target.sendMessageToTarget', {
          sessionId: this.sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(reject);
    });
    return within(SCRIPT_ANSWER_MS, `${method} in the attached target`, reply).finally(() => this.pending.delete(id));
  }

  async evaluate<T>(expression: string): Promise<T> {
    const result = (await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
      result: { value: T };
      exceptionDetails?: { text: string };
    };
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
    return result.result.value;
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}
