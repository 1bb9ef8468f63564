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

const fakeBrowser = {
  storage: { local: storageArea(), session: storageArea() },
  i18n: { getMessage, getUILanguage: () => 'en' },
  runtime: {
    id: 'rebound-test',
    getURL: (path: string) => `chrome-extension://rebound-test/${path}`,
    async sendMessage(message: unknown) {
      sentMessages.push(message);
      return { ok: true };
    },
  },
  permissions: {
    /** What the next permissions.request answers (the rep's choice in the browser's prompt). */
    answer: true,
    requested: [] as unknown[],
    async request(permissions: unknown) {
      fakeBrowser.permissions.requested.push(permissions);
      return fakeBrowser.permissions.answer;
    },
  },
};

export function resetFakeBrowser(): void {
  fakeBrowser.storage.local.reset();
  fakeBrowser.storage.session.reset();
  sentMessages.length = 0;
  fakeBrowser.permissions.answer = true;
  fakeBrowser.permissions.requested.length = 0;
}

export default fakeBrowser;
