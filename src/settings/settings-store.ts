import { browser } from '../platform/browser';
import { readManagedStorage } from '../platform/managed-storage';
import { type ManagedPolicy, managedPolicyFrom, managedSettingsFrom, ownPart, withManaged } from './managed-settings';
import { type Settings, settingsFrom } from './settings';

const KEY = 'settings';

/** Each problem with the policy is told once per page or worker, not on every read. */
const warned = new Set<string>();
const warnOnce = (message: string) => {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
};

type PolicyReader = (raw: unknown, warn: (message: string) => void) => ManagedPolicy;

/** The settings in force need the policy without its dialers: no dialer catalog in the content scripts. */
async function read(policyFrom: PolicyReader): Promise<{ own: Settings; policy: ManagedPolicy }> {
  const [stored, managed] = await Promise.all([browser.storage.local.get(KEY), readManagedStorage()]);
  return { own: settingsFrom(stored[KEY]), policy: policyFrom(managed, warnOnce) };
}

/** The settings in force, with the organization's policy, and that policy (what Options locks). */
export async function loadSettingsWithPolicy(): Promise<{ settings: Settings; policy: ManagedPolicy }> {
  const { own, policy } = await read(managedPolicyFrom);
  return { settings: withManaged(own, policy), policy };
}

/** The settings in force: the rep's own, with what the organization sets on top. */
export async function loadSettings(): Promise<Settings> {
  const { own, policy } = await read(managedSettingsFrom);
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

/** Calls `listener` with the settings whenever they change in storage; returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(settingsFrom(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
