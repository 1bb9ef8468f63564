import { browser } from './browser';

/** Where the last policy read is kept, for the start-up moment when Chrome has not loaded it yet. */
export const MANAGED_COPY_KEY = 'managedPolicyCopy';
const COPY_KEY = MANAGED_COPY_KEY;

/** storage.local.get's shape: the background answers it from its first read (first-reads.ts). */
export type LocalReader = (keys: string[]) => Promise<Record<string, unknown>>;
const readLocalNow: LocalReader = (keys) => browser.storage.local.get(keys);
/**
 * Chrome holds storage.managed reads for the first seconds of a browser session, until its policy
 * has loaded (the first nudge waited 1.6–1.9 s for it here; later reads take 1–3 ms): past this
 * wait the last policy seen is used instead.
 */
const MANAGED_READ_WAIT_MS = 100;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function readPolicy(readLocal: LocalReader): Promise<Record<string, unknown>> {
  try {
    // Side by side: the copy is only compared with the policy, never needed to read it.
    const [read, stored] = await Promise.all([browser.storage.managed.get(), readLocal([COPY_KEY])]);
    const policy = read ?? {};
    if (!sameJson(stored[COPY_KEY] ?? {}, policy)) await browser.storage.local.set({ [COPY_KEY]: policy });
    return policy;
  } catch {
    return {};
  }
}

async function lastPolicySeen(readLocal: LocalReader): Promise<Record<string, unknown>> {
  try {
    const stored = await readLocal([COPY_KEY]);
    return (stored[COPY_KEY] as Record<string, unknown> | undefined) ?? {};
  } catch {
    return {};
  }
}

/**
 * What an organization's policy sets for Rebound (storage.managed): Chrome reads it from the
 * policy's "3rdparty" part, checked against managed-schema.json; Firefox from policies.json.
 * Empty when no policy names Rebound (Firefox rejects the read then; so may a browser without
 * managed storage). A read Chrome holds back at start-up yields the last policy seen.
 */
export function readManagedStorage(readLocal: LocalReader = readLocalNow): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (policy: Record<string, unknown>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(policy);
    };
    const timer = setTimeout(() => void lastPolicySeen(readLocal).then(settle), MANAGED_READ_WAIT_MS);
    void readPolicy(readLocal).then(settle);
  });
}

/** Calls `listener` when the organization's policy changes while Rebound runs; returns the unsubscribe. */
export function watchManagedStorage(listener: () => void): () => void {
  const onChanged = (_changes: Record<string, unknown>, area: string) => {
    if (area === 'managed') listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
