/**
 * Issue 13: the settings a running page follows are the settings in force. A field the
 * organization's policy sets never moves because the rep's own copy changed, and a policy that
 * changes while the page runs applies at once.
 */
import { describe, expect, it } from 'vitest';
import { MANAGED_SETTINGS, managedPolicyFrom, withManaged } from '../../../src/settings/managed-settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { changesSettings, followSettings } from '../../../src/settings/settings-store';
import fakeBrowser from '../fakes/fake-browser';

/** Lets the reads a change started finish. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

async function storeOwn(settings: Partial<Settings>): Promise<void> {
  const newValue = { ...DEFAULT_SETTINGS, ...settings };
  await fakeBrowser.storage.local.set({ settings: newValue });
  fakeBrowser.storage.onChanged.emit({ settings: { newValue } }, 'local');
}

async function storePolicy(policy: Record<string, unknown>): Promise<void> {
  fakeBrowser.storage.managed.reset();
  await fakeBrowser.storage.managed.set(policy);
  fakeBrowser.storage.onChanged.emit({}, 'managed');
}

function follow(): { seen: Settings[]; stop: () => void } {
  const seen: Settings[] = [];
  const stop = followSettings((settings) => seen.push(settings));
  return { seen, stop };
}

describe('withManaged: a field the policy sets', () => {
  const own: Settings = {
    ...DEFAULT_SETTINGS,
    conversationSignals: true,
    minCallSeconds: 7,
    delivery: 'toast',
    supportContact: 'Ana',
  };
  const theirs = {
    conversationSignals: false,
    minCallSeconds: 30,
    delivery: 'notification',
    supportContact: 'Coach Kim',
    workingHours: { enabled: true, startMinute: 480, endMinute: 1020, days: [1, 2, 3, 4, 5] },
  };
  const policy = managedPolicyFrom(theirs, () => undefined);

  it.each(MANAGED_SETTINGS)('%s is the organization’s, whatever the rep’s copy says', (field) => {
    for (const rep of [own, DEFAULT_SETTINGS]) expect(withManaged(rep, policy)[field]).toEqual(theirs[field]);
  });
});

describe('followSettings', () => {
  it('with signals off by policy, the rep turning them on is never seen', async () => {
    await fakeBrowser.storage.managed.set({ conversationSignals: false });
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, conversationSignals: false } });
    const { seen, stop } = follow();
    await settled();
    await storeOwn({ conversationSignals: true, minCallSeconds: 9 });
    await settled();
    stop();
    expect(seen.map((settings) => settings.conversationSignals)).toEqual([false, false]);
    // What the policy does not set is the rep's, as soon as they change it.
    expect(seen.at(-1)?.minCallSeconds).toBe(9);
  });

  it('a policy that lands or goes while the page runs applies at once', async () => {
    const { seen, stop } = follow();
    await settled();
    await storePolicy({ conversationSignals: false });
    await settled();
    await storePolicy({});
    await settled();
    stop();
    expect(seen.map((settings) => settings.conversationSignals)).toEqual([true, false, true]);
  });

  it('tells only the latest of reads that finish out of order, and nothing after the unsubscribe', async () => {
    const { seen, stop } = follow();
    await settled();
    // Two changes in a row: the first read may finish last; only the second is told.
    await fakeBrowser.storage.managed.set({ conversationSignals: false });
    fakeBrowser.storage.onChanged.emit({}, 'managed');
    await storeOwn({ minCallSeconds: 12 });
    await settled();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatchObject({ conversationSignals: false, minCallSeconds: 12 });
    stop();
    await storeOwn({ minCallSeconds: 13 });
    await settled();
    expect(seen).toHaveLength(2);
  });

  it('ignores changes that cannot move the settings', async () => {
    const { seen, stop } = follow();
    await settled();
    fakeBrowser.storage.onChanged.emit({ snoozedUntil: { newValue: 1 } }, 'local');
    fakeBrowser.storage.onChanged.emit({ settings: { newValue: {} } }, 'session');
    await settled();
    stop();
    expect(seen).toHaveLength(1);
    expect(changesSettings({}, 'managed')).toBe(true);
  });
});
