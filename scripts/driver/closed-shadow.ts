/**
 * The toast lives in a closed shadow root, out of reach of page scripts and of Playwright's
 * selectors. DevTools can still see it (DOM.getDocument with pierce), so tests find its nodes
 * there and click them with the real mouse: the same trusted input a rep produces.
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

function textOf(node: DomNode): string {
  let text = '';
  for (const n of walk(node)) if (n.nodeType === 3) text += n.nodeValue;
  return text.trim();
}

/** Text nodes and accessible labels one by one, leaving out style sheets. */
function* shownTextsOf(node: DomNode): Generator<string> {
  if (node.nodeName === 'STYLE') return;
  if (node.nodeType === 3) yield node.nodeValue.trim();
  for (const name of ['aria-label', 'title']) yield attribute(node, name)?.trim() ?? '';
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* shownTextsOf(child);
}

function attribute(node: DomNode, name: string): string | undefined {
  const attributes = node.attributes ?? [];
  for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === name) return attributes[i + 1];
  return undefined;
}

export class ClosedShadowToast {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<ClosedShadowToast> {
    return new ClosedShadowToast(page, await page.context().newCDPSession(page));
  }

  /** The toast's shadow root, or undefined when no toast is showing. */
  private async root(): Promise<DomNode | undefined> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    for (const node of walk(root)) {
      if (node.nodeName.toLowerCase() === 'rebound-toast') return node.shadowRoots?.[0];
    }
    return undefined;
  }

  async isShown(): Promise<boolean> {
    return (await this.root()) !== undefined;
  }

  async waitShown(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.isShown())) {
      if (Date.now() > deadline) throw new Error('the toast did not appear');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async text(): Promise<string> {
    const root = await this.root();
    return root ? textOf(root) : '';
  }

  /** Each text the toast shows and each accessible label, one by one (for language checks). */
  async shownTexts(): Promise<string[]> {
    const root = await this.root();
    return root ? [...shownTextsOf(root)].filter((text) => text !== '') : [];
  }

  /** Attribute of the first element with this role (e.g. the status region's aria-label). */
  async roleAttribute(role: string, name: string): Promise<string | undefined> {
    const root = await this.root();
    if (!root) return undefined;
    for (const node of walk(root)) if (attribute(node, 'role') === role) return attribute(node, name);
    return undefined;
  }

  private async button(label: string): Promise<DomNode> {
    const root = await this.root();
    if (!root) throw new Error('no toast');
    for (const node of walk(root)) {
      if (node.nodeName !== 'BUTTON') continue;
      if (textOf(node) === label || attribute(node, 'aria-label') === label) return node;
    }
    throw new Error(`no toast button "${label}"`);
  }

  async buttonAttribute(label: string, name: string): Promise<string | undefined> {
    return attribute(await this.button(label), name);
  }

  /** The toast's border box in CSS pixels of the viewport: what a screenshot of it clips to. */
  async bounds(): Promise<{ x: number; y: number; width: number; height: number }> {
    const root = await this.root();
    const status = root && [...walk(root)].find((node) => attribute(node, 'role') === 'status');
    if (!status) throw new Error('no toast');
    const { model } = (await this.cdp.send('DOM.getBoxModel', { nodeId: status.nodeId })) as {
      model: { border: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  }

  /** The href of the toast's link with this text. */
  async linkHref(label: string): Promise<string | undefined> {
    const root = await this.root();
    if (!root) return undefined;
    for (const node of walk(root)) if (node.nodeName === 'A' && textOf(node) === label) return attribute(node, 'href');
    return undefined;
  }

  async click(label: string): Promise<void> {
    const node = await this.button(label);
    const { model } = (await this.cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as {
      model: { content: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await this.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }
}
