/**
 * Firefox ESR with the built demo-flavour add-on: puppeteer-core drives pages over WebDriver
 * BiDi and installs the add-on; the DevTools remote protocol evaluates inside the add-on's own
 * documents (background page, popup, routine window), which BiDi does not reach.
 */
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type StaticServer, serveStatic } from '../../tests/fixtures/static-server';
import { distDir, repoRoot } from '../build';
import { RdpClient, type RdpPacket } from './firefox-rdp';

const ADDON_ID = 'rebound@rebound.invalid';
export const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const found = [env.FIREFOX_PATH, ...FIREFOX_PATHS].find((candidate) => candidate && existsSync(candidate));
  if (!found) {
    throw new Error(
      'No Firefox found. Install one (Debian: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH.',
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface ExtensionDocument {
  url: string;
  consoleActor: string;
}

export interface FirefoxSession {
  browser: Browser;
  server: StaticServer;
  /** Evaluates an async function body in the add-on document whose URL contains `urlPart`. */
  evaluateIn<T>(urlPart: string, body: string): Promise<T>;
  /** Waits for an add-on document (background page, popup, window) whose URL contains `urlPart`. */
  waitForDocument(urlPart: string, timeoutMs?: number): Promise<void>;
  openDemoDialer(query?: string): Promise<Page>;
  /** Waits for the detector to be registered, then opens a page under tests/fixtures/. */
  openFixture(pathAndQuery: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxExtension(): Promise<FirefoxSession> {
  const port = await freePort();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    args: ['--start-debugger-server', String(port)],
    extraPrefsFirefox: {
      'devtools.debugger.remote-enabled': true,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
    },
  });
  const server = await serveStatic(path.join(repoRoot, 'tests/fixtures'));
  await browser.installExtension(distDir('firefox', 'demo'));

  const rdp = await RdpClient.connect(port);
  const documents = new Map<string, ExtensionDocument>();
  rdp.onPacket((packet: RdpPacket) => {
    const target = packet.target as { actor?: string; url?: string; consoleActor?: string } | undefined;
    if (!target?.actor) return;
    if (packet.type === 'target-available-form' && target.url?.startsWith('moz-extension://') && target.consoleActor) {
      documents.set(target.actor, { url: target.url, consoleActor: target.consoleActor });
    } else if (packet.type === 'target-destroyed-form') {
      documents.delete(target.actor);
    }
  });
  const { addons } = (await rdp.request({ to: 'root', type: 'listAddons' })) as unknown as {
    addons: Array<{ id: string; actor: string }>;
  };
  const addon = addons.find((candidate) => candidate.id === ADDON_ID);
  if (!addon) throw new Error('the add-on did not install');
  const watcher = (await rdp.request({ to: addon.actor, type: 'getWatcher' })) as unknown as { actor: string };
  await rdp.request({ to: watcher.actor, type: 'watchTargets', targetType: 'frame' });

  const findDocument = (urlPart: string) => [...documents.values()].find((doc) => doc.url.includes(urlPart));

  const waitForDocument = async (urlPart: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!findDocument(urlPart)) {
      if (Date.now() > deadline) throw new Error(`no add-on document at ${urlPart}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  let probes = 0;
  const evaluate = async (consoleActor: string, text: string): Promise<RdpPacket> => {
    const result = rdp.next((packet) => packet.type === 'evaluationResult' && packet.from === consoleActor);
    await rdp.request({ to: consoleActor, type: 'evaluateJSAsync', text });
    return result;
  };

  const evaluateIn = async <T>(urlPart: string, body: string): Promise<T> => {
    await waitForDocument(urlPart);
    const doc = findDocument(urlPart) as ExtensionDocument;
    // The console does not await promises: park the outcome on the document and poll for it.
    const slot = `__reboundProbe${probes++}`;
    await evaluate(
      doc.consoleActor,
      `(async () => { ${body} })().then((value) => { globalThis.${slot} = JSON.stringify({ ok: value ?? null }); },` +
        ` (error) => { globalThis.${slot} = JSON.stringify({ error: String(error) }); }); undefined;`,
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      const reply = await evaluate(doc.consoleActor, `globalThis.${slot} ?? ''`);
      const text = typeof reply.result === 'string' ? reply.result : '';
      if (text) {
        const outcome = JSON.parse(text) as { ok?: T; error?: string };
        if (outcome.error !== undefined) throw new Error(outcome.error);
        return outcome.ok as T;
      }
      if (Date.now() > deadline) throw new Error(`no result from ${urlPart}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const openFixture = async (pathAndQuery: string): Promise<Page> => {
    await evaluateIn(
      '_generated_background_page',
      `const deadline = Date.now() + 5000;
       while ((await browser.scripting.getRegisteredContentScripts()).length === 0) {
         if (Date.now() > deadline) throw new Error('the detector content script was never registered');
         await new Promise((resolve) => setTimeout(resolve, 50));
       }`,
    );
    const page = await browser.newPage();
    await page.goto(`${server.url}${pathAndQuery}`);
    return page;
  };

  return {
    browser,
    server,
    evaluateIn,
    waitForDocument,
    openFixture,
    openDemoDialer: (query = '') => openFixture(`demo-dialer/index.html${query ? `?${query}` : ''}`),
    async close() {
      rdp.close();
      await browser.close();
      await server.close();
    },
  };
}
