/**
 * A micro-benchmark behind the page-overhead figure: what one more `message` listener costs a
 * page whose widgets chatter, by whether and where `event.data` is already read. Chrome builds a
 * posted message's value lazily, on the first `event.data` read in a world; this measures whether
 * a second reader in the same world gets it for free, and what a reader in another world pays.
 *
 * `npx tsx scripts/bench/message-read-cost.ts [--messages 9000] [--reps 6]`: a widget frame of
 * another site (its own renderer, so its posting cost stays out of the reading) posts a burst of
 * the busy CRM's chatter (tests/fixtures/busy-crm/chatty-widget.js); the host page has the
 * listeners of one variant, on a fresh page each time; the readings are the host renderer main
 * thread's CPU time and its script time (CDP, thread ticks) over the burst, per message. The
 * isolated-world reader is a world made over CDP, as a content script's is. Variants run
 * interleaved, in a shuffled order each repetition; the figure is the median over repetitions.
 */
import { build } from 'esbuild';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { chromium } from 'playwright-core';
import { findChromium } from '../chromium';
import { CHROMIUM_ARGS } from '../driver/extension-session';
import { median } from './figures';

const ORIGIN = 'http://message-read.test';
/** Another site: the widget posts from its own renderer, so its posting cost stays out of the host's reading. */
const WIDGET_ORIGIN = 'http://chat-widget.test';

/** The HubSpot gates the content script sends the prefilter on a dialer page. */
const GATES = JSON.stringify({
  type: ['OUTGOING_CALL_STARTED', 'INCOMING_CALL', 'CALL_ANSWERED', 'CALL_ENDED', 'CALL_COMPLETED'],
});

/** Listeners a variant adds, in order; `prefilter` is Rebound's, the others stand for page code. */
const VARIANTS: Record<string, string[]> = {
  'no listener': [],
  'one listener, no read': ['listen'],
  'page reads data (first reader)': ['read'],
  'page reads, second listener reads (same world)': ['read', 'read'],
  'page reads, second listener does not read': ['read', 'listen'],
  'page reads, isolated world reads': ['read', 'isolated-read'],
  'isolated world reads alone': ['isolated-read'],
  'prefilter alone (nobody else reads)': ['prefilter'],
  'page reads, then prefilter': ['read', 'prefilter'],
  'prefilter, then page reads (document_start order)': ['prefilter', 'read'],
};

const WIDGET = `<!doctype html><script>
  window.burst = (count) => {
    for (let n = 0; n < count; n += 3) {
      parent.postMessage({ type: 'presence', data: { seq: n, typing: n % 3 === 0 } }, '*');
      parent.postMessage({ name: 'apm_analytics_event', value: { n } }, '*');
      parent.postMessage('ping:' + n, '*');
    }
  };
</script>`;

const host = (prefilter: string) => `<!doctype html><body><script>
  window.received = 0;
  window.onmessage = () => { window.received++; };
  const listeners = {
    listen: () => window.addEventListener('message', () => {}),
    read: () => window.addEventListener('message', (event) => { window.sink = event.data; }),
    prefilter: () => {
      ${prefilter}
      document.dispatchEvent(new CustomEvent('rebound:message-gates', { detail: ${JSON.stringify(GATES)} }));
    },
  };
  for (const name of new URLSearchParams(location.search).getAll('l')) listeners[name]?.();
</script><iframe src="${WIDGET_ORIGIN}/widget.html"></iframe></body>`;

async function prefilterBundle(): Promise<string> {
  const result = await build({
    entryPoints: ['src/page/message-prefilter-entry.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
  });
  return result.outputFiles[0]?.text ?? '';
}

async function cpuMs(cdp: CDPSession) {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  const pick = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  return { thread: pick('ThreadTime'), script: pick('ScriptDuration') };
}

async function measure(context: BrowserContext, listeners: string[], messages: number) {
  const page = await context.newPage();
  const query = listeners.filter((name) => name !== 'isolated-read').map((name) => `l=${name}`);
  await page.goto(`${ORIGIN}/host.html?${query.join('&')}`);
  const cdp = await context.newCDPSession(page);
  if (listeners.includes('isolated-read')) {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'reader',
    })) as { executionContextId: number };
    await cdp.send('Runtime.evaluate', {
      contextId: executionContextId,
      expression: `window.addEventListener('message', (event) => { window.sink = event.data; })`,
    });
  }
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const widget = page.frames().find((frame) => frame.url().endsWith('/widget.html'));
  if (!widget) throw new Error('widget frame missing');
  const burst = async (count: number) => {
    const target = (await page.evaluate('window.received')) as number;
    await widget.evaluate((n) => (window as unknown as { burst(n: number): void }).burst(n), count);
    await page.waitForFunction(
      (until) => (window as unknown as { received: number }).received >= until,
      target + count,
      {
        polling: 50,
      },
    );
  };
  await burst(3000);
  const before = await cpuMs(cdp);
  await burst(messages);
  const after = await cpuMs(cdp);
  await page.close();
  return { thread: (after.thread - before.thread) / messages, script: (after.script - before.script) / messages };
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const messages = option('--messages', 9000);
const reps = option('--reps', 6);
const prefilter = await prefilterBundle();
const context = await chromium.launchPersistentContext('', {
  executablePath: findChromium(),
  headless: true,
  args: CHROMIUM_ARGS,
});
await context.route(/^http:\/\/(message-read|chat-widget)\.test\//, (route) => {
  const url = new URL(route.request().url());
  const body = url.pathname === '/widget.html' ? WIDGET : host(prefilter);
  return route.fulfill({ contentType: 'text/html', body });
});
const results = new Map<string, Array<{ thread: number; script: number }>>();
try {
  for (let rep = 0; rep < reps; rep++) {
    const order = Object.keys(VARIANTS).sort(() => Math.random() - 0.5);
    for (const name of order) {
      const sample = await measure(context, VARIANTS[name] ?? [], messages);
      results.set(name, [...(results.get(name) ?? []), sample]);
    }
  }
} finally {
  await context.close();
}
const baseline = median((results.get('no listener') ?? []).map((s) => s.thread));
console.log(`${messages} messages per burst, ${reps} repetitions, ${context.browser()?.version() ?? 'Chromium'}`);
console.log('variant | main-thread CPU µs/message (median) | over no listener | script µs/message');
for (const [name, samples] of results) {
  const thread = median(samples.map((s) => s.thread));
  const script = median(samples.map((s) => s.script));
  console.log(
    `${name} | ${(thread * 1000).toFixed(2)} | ${((thread - baseline) * 1000).toFixed(2)} | ${(script * 1000).toFixed(2)}`,
  );
}
