/**
 * Counts, in the busy CRM page's own world, the MAIN-world prefilter's reads of its frames'
 * messages (tests/fixtures/busy-crm): the prefilter looks up each dialer's kind property on a
 * message it reads, and a chat message has no `api` (Dialpad's), so each read of one asks
 * Object.prototype for it. Page expressions, for Playwright's and Puppeteer's `evaluate` alike.
 */
export const COUNT_CHAT_READS = `(() => {
  const counts = { chat: 0, softphone: 0 };
  Object.defineProperty(window, 'chatReads', { value: counts });
  Object.defineProperty(Object.prototype, 'api', {
    configurable: true,
    get() {
      if (this.type === 'presence' || this.name === 'apm_analytics_event') counts.chat += 1;
      if (this.type === 'softphone-presence') counts.softphone += 1;
      return undefined;
    },
  });
})()`;

/** The reads so far of the chat frame's messages, or of the softphone's flood. */
export const readsSoFar = (kind: 'chat' | 'softphone'): string => `window.chatReads.${kind}`;

/** How many reads `count` (a read of `readsSoFar` in the page) goes up by in the next `ms`. */
export async function readsOver(count: () => Promise<number>, ms: number): Promise<number> {
  const before = await count();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (await count()) - before;
}
