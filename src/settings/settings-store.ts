import { browser } from '../platform/browser';
import { type LocalReader, MANAGED_COPY_KEY, readManagedStorage } from '../platform/managed-storage';
import { type ManagedPolicy, managedPolicyFrom, managedSettingsFrom, ownPart, withManaged } from './managed-settings';
import { type Settings, settingsFrom } from './settings';

const KEY = 'settings';

/** Every storage.local key the settings in force are read from: the rep's own, the policy's last copy. */
export const SETTINGS_LOCAL_KEYS = [KEY, MANAGED_COPY_KEY] as const;

const readLocalNow: LocalReader = (keys) => browser.storage.local.get(keys);

/** Each problem with the policy is told once per page or worker, not on every read. */
const warned = new Set<string>();
const warnOnce = (message: string) => {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
};

type PolicyReader = (raw: unknown, warn: (message: string) => void) => ManagedPolicy;

/** The settings in force need the policy without its dialers: no dialer catalog in the content scripts. */
async function read(
  policyFrom: PolicyReader,
  readLocal: LocalReader = readLocalNow,
): Promise<{ own: Settings; policy: ManagedPolicy }> {
  const [stored, managed] = await Promise.all([readLocal([KEY]), readManagedStorage(readLocal)]);
  return { own: settingsFrom(stored[KEY]), policy: policyFrom(managed, warnOnce) };
}

/** The settings in force, with the organization's policy, and that policy (what Options locks). */
export async function loadSettingsWithPolicy(): Promise<{ settings: Settings; policy: ManagedPolicy }> {
  const { own, policy } = await read(managedPolicyFrom);
  return { settings: withManaged(own, policy), policy };
}

/**
 * The settings in force: the rep's own, with what the organization sets on top. `readLocal`
 * lets the background answer the storage.local part from its first read.
 */
export async function loadSettings(readLocal?: LocalReader): Promise<Settings> {
  const { own, policy } = await read(managedSettingsFrom, readLocal);
  return withManaged(own, policy);
}

/**
 * Validates before writing: what is stored always reads back as the same settings. Only the
 * rep's own part is stored; the settings in force are returned.
 */
export async function saveSettings(settings: Settings): Promise<Settings> {
  const { own, policy } = await read(managedPolicyFrom);
  const valid = ownPart(settingsFrom(settings), own, policy);
  await browser.storage.local.set({ [KEY]: valid });
  return withManaged(valid, policy);
}

/** Whether a storage change can move the settings in force: the rep's own, or any managed policy. */
export function changesSettings(changes: Record<string, unknown>, area: string): boolean {
  return area === 'managed' || (area === 'local' && KEY in changes);
}

/**
 * Calls `listener` with what `load` reads now, and again whenever the rep's own settings or the
 * organization's policy change; returns the unsubscribe. Each call reads both again, so a field
 * the policy sets stays the policy's whatever the rep's stored copy says. Reads finish in any
 * order: only the latest one asked for is told (`failed`, when it fails).
 */
function follow<T>(load: () => Promise<T>, listener: (value: T) => void, failed?: () => void): () => void {
  let asked = 0;
  let stopped = false;
  const readNow = () => {
    const ask = ++asked;
    const current = () => !stopped && ask === asked;
    load().then(
      (value) => {
        if (current()) listener(value);
      },
      () => {
        if (current()) failed?.();
      },
    );
  };
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (changesSettings(changes, area)) readNow();
  };
  browser.storage.onChanged.addListener(onChanged);
  readNow();
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(onChanged);
  };
}

/** The settings in force, now and after every change (see `follow`). */
export function followSettings(listener: (settings: Settings) => void): () => void {
  return follow(loadSettings, listener);
}

/** The settings in force and the policy (what Options locks), now and after every change. */
export function followSettingsWithPolicy(
  listener: (loaded: { settings: Settings; policy: ManagedPolicy }) => void,
  failed: () => void,
): () => void {
  return follow(loadSettingsWithPolicy, listener, failed);
}
