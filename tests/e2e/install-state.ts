import type { ExtensionSession } from '../../scripts/driver/extension-session';

/**
 * Everything a test can find of what earlier tests did in a browser with the extension installed:
 * its three storage areas, alarms, permissions, registered content scripts, badge, notifications,
 * database (version, stores, rows) and open tabs. Times (milliseconds since 1970) read as `<time>`:
 * a fresh install writes the moment it started, which no two browsers share.
 */
export interface InstallState {
  local: unknown;
  sync: unknown;
  session: unknown;
  alarms: Array<{ name: string; periodInMinutes?: number }>;
  permissions: { origins: string[]; permissions: string[] };
  contentScripts: Array<{ id: string; matches: string[] }>;
  badge: string;
  notifications: string[];
  /** Rows per store; undefined while the extension has not made its database yet. */
  database: { version: number; rows: Record<string, number> } | undefined;
  /** Open tabs and windows, the extension's and the fixture server's origins written as names. */
  tabs: string[];
}

interface StateGlobals {
  chrome: {
    storage: Record<'local' | 'sync' | 'session', { get(keys: null): Promise<Record<string, unknown>> }>;
    alarms: { getAll(): Promise<Array<{ name: string; periodInMinutes?: number }>> };
    permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> };
    scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> };
    action: { getBadgeText(details: object): Promise<string> };
    notifications: { getAll(): Promise<Record<string, boolean>> };
  };
}

/** Epoch milliseconds from 2001 on; no count or id a fresh install keeps comes near. */
const EPOCH_MS_FLOOR = 1e12;

function withoutTimes(value: unknown): unknown {
  if (typeof value === 'number' && value > EPOCH_MS_FLOOR) return '<time>';
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutTimes(inner)]));
  }
  return value;
}

/** The extension's state as of now, read from an extension page of its own that it then closes. */
export async function installState(session: ExtensionSession): Promise<InstallState> {
  const reader = await session.context.newPage();
  try {
    // A page with the extension's APIs that runs none of its code: it leaves nothing behind.
    await reader.goto(session.extensionUrl('manifest.json'));
    const read = await reader.evaluate(async () => {
      const { chrome } = globalThis as unknown as StateGlobals;
      // An open without a version would make an empty database where the extension has none yet.
      const db = await new Promise<IDBDatabase | undefined>((resolve) => {
        const open = indexedDB.open('rebound');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = (event) => {
          event.preventDefault();
          resolve(undefined);
        };
        open.onsuccess = () => resolve(open.result);
      });
      let database: InstallState['database'];
      if (db) {
        try {
          const names = [...db.objectStoreNames];
          const transaction = db.transaction(names, 'readonly');
          const counts = await Promise.all(
            names.map(
              (name) =>
                new Promise<number>((resolve, reject) => {
                  const request = transaction.objectStore(name).count();
                  request.onsuccess = () => resolve(request.result);
                  request.onerror = () => reject(request.error);
                }),
            ),
          );
          database = {
            version: db.version,
            rows: Object.fromEntries(names.map((name, i) => [name, counts[i] ?? -1])),
          };
        } finally {
          db.close();
        }
      }
      const permissions = await chrome.permissions.getAll();
      return {
        local: await chrome.storage.local.get(null),
        sync: await chrome.storage.sync.get(null),
        session: await chrome.storage.session.get(null),
        alarms: (await chrome.alarms.getAll())
          .map(({ name, periodInMinutes }) => ({ name, periodInMinutes }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        permissions: {
          origins: [...(permissions.origins ?? [])].sort(),
          permissions: [...(permissions.permissions ?? [])].sort(),
        },
        contentScripts: (await chrome.scripting.getRegisteredContentScripts())
          .map(({ id, matches = [] }) => ({ id, matches: [...matches].sort() }))
          .sort((a, b) => a.id.localeCompare(b.id)),
        badge: await chrome.action.getBadgeText({}),
        notifications: Object.keys(await chrome.notifications.getAll()).sort(),
        database,
      };
    });
    const origins: Array<[string, string]> = [
      [session.extensionUrl(''), 'extension:/'],
      [session.server.url, 'fixtures:/'],
    ];
    const tabs = session.context
      .pages()
      .filter((page) => page !== reader)
      .map((page) => origins.reduce((url, [origin, name]) => url.replace(origin, name), page.url()))
      .sort();
    return {
      ...read,
      local: withoutTimes(read.local),
      sync: withoutTimes(read.sync),
      session: withoutTimes(read.session),
      tabs,
    };
  } finally {
    await reader.close();
  }
}
