import type { ExtensionSession } from '../../scripts/driver/extension-session';

/**
 * The fixture server under its other loopback name: a second origin for cross-origin frames, and
 * the one site the `widget-only` flavour grants.
 */
export function localhostOrigin(session: ExtensionSession): string {
  const url = new URL(session.server.url);
  url.hostname = 'localhost';
  return url.origin;
}

/** The host permissions the browser says the extension holds now. */
export async function grantedOrigins(session: ExtensionSession): Promise<string[]> {
  const page = await session.extensionPage();
  return page.evaluate(async () => {
    const all = await (
      globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }
    ).chrome.permissions.getAll();
    return all.origins ?? [];
  });
}
