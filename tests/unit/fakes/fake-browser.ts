/**
 * An in-memory stand-in for webextension-polyfill: storage areas, i18n from the real English
 * messages, and recorders for what the code under test sent. Only what the code uses.
 */
import messages from '../../../public/_locales/en/messages.json';

type Items = Record<string, unknown>;

function storageArea() {
  let items: Items = {};
  return {
    async get(keys?: string | string[] | null): Promise<Items> {
      if (keys === undefined || keys === null) return structuredClone(items);
      const wanted = typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((key) => key in items).map((key) => [key, structuredClone(items[key])]));
    },
    async set(values: Items): Promise<void> {
      items = { ...items, ...structuredClone(values) };
    },
    async remove(keys: string | string[]): Promise<void> {
      for (const key of typeof keys === 'string' ? [keys] : keys) delete items[key];
    },
    reset() {
      items = {};
    },
  };
}

type MessageEntry = { message: string; placeholders?: Record<string, { content: string }> };

function getMessage(key: string, substitutions?: string | string[]): string {
  if (key === '@@bidi_dir') return 'ltr';
  const entry = (messages as Record<string, MessageEntry>)[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, index: string) => subs[Number(index) - 1] ?? '');
  });
}

export const sentMessages: unknown[] = [];

type Listener<A extends unknown[]> = (...args: A) => void;
function fakeEvent<A extends unknown[]>() {
  const listeners = new Set<Listener<A>>();
  return {
    addListener: (listener: Listener<A>) => listeners.add(listener),
    removeListener: (listener: Listener<A>) => listeners.delete(listener),
    emit: (...args: A) => {
      for (const listener of listeners) listener(...args);
    },
    reset: () => listeners.clear(),
  };
}

/** Permissions: `answer` is what the rep says to the next prompts (default: yes); `requested` what was asked. */
function fakePermissions() {
  const granted = new Set<string>();
  const onAdded = fakeEvent<[{ origins: string[] }]>();
  const onRemoved = fakeEvent<[{ origins: string[] }]>();
  const permissions = {
    answer: true,
    requested: [] as unknown[],
    granted,
    onAdded,
    onRemoved,
    async getAll() {
      return { origins: [...granted], permissions: [] };
    },
    async contains({ origins = [] }: { origins?: string[] }) {
      return origins.every((origin) => granted.has(origin));
    },
    async request(request: { origins?: string[]; permissions?: string[] }) {
      const { origins = [] } = request;
      permissions.requested.push(request);
      if (!permissions.answer) return false;
      for (const origin of origins) granted.add(origin);
      onAdded.emit({ origins });
      return true;
    },
    async remove({ origins = [] }: { origins?: string[] }) {
      for (const origin of origins) granted.delete(origin);
      onRemoved.emit({ origins });
      return true;
    },
    reset() {
      granted.clear();
      permissions.requested.length = 0;
      permissions.answer = true;
      onAdded.reset();
      onRemoved.reset();
    },
  };
  return permissions;
}

/** Registered content scripts, by id. */
function fakeScripting() {
  const registered = new Map<string, { id: string } & Record<string, unknown>>();
  return {
    registered,
    async getRegisteredContentScripts({ ids }: { ids?: string[] } = {}) {
      return [...registered.values()].filter((script) => !ids || ids.includes(script.id));
    },
    async registerContentScripts(scripts: ({ id: string } & Record<string, unknown>)[]) {
      for (const script of scripts) {
        if (registered.has(script.id)) throw new Error(`Duplicate script id ${script.id}`);
        registered.set(script.id, script);
      }
    },
    async updateContentScripts(scripts: ({ id: string } & Record<string, unknown>)[]) {
      for (const script of scripts) registered.set(script.id, { ...registered.get(script.id), ...script });
    },
    async unregisterContentScripts({ ids }: { ids: string[] }) {
      for (const id of ids) registered.delete(id);
    },
    reset: () => registered.clear(),
  };
}

export const openedTabs: string[] = [];
/** Alarm and notification ids cleared, as `alarm:<id>` / `notification:<id>`. */
export const clearedReminders: string[] = [];

const fakeBrowser = {
  storage: {
    local: storageArea(),
    session: storageArea(),
    managed: storageArea(),
    onChanged: fakeEvent<[Record<string, unknown>, string]>(),
  },
  i18n: { getMessage, getUILanguage: () => 'en' },
  runtime: {
    id: 'rebound-test',
    getURL: (path: string) => `chrome-extension://rebound-test/${path}`,
    async sendMessage(message: unknown) {
      sentMessages.push(message);
      return { ok: true };
    },
  },
  permissions: fakePermissions(),
  scripting: fakeScripting(),
  alarms: {
    async clear(name: string) {
      clearedReminders.push(`alarm:${name}`);
      return true;
    },
  },
  notifications: {
    async clear(id: string) {
      clearedReminders.push(`notification:${id}`);
      return true;
    },
  },
  tabs: {
    async create({ url }: { url: string }) {
      openedTabs.push(url);
      return { id: openedTabs.length, url };
    },
  },
};

export function resetFakeBrowser(): void {
  fakeBrowser.storage.local.reset();
  fakeBrowser.storage.session.reset();
  fakeBrowser.storage.managed.reset();
  sentMessages.length = 0;
  fakeBrowser.permissions.reset();
  fakeBrowser.scripting.reset();
  openedTabs.length = 0;
  clearedReminders.length = 0;
}

export default fakeBrowser;
