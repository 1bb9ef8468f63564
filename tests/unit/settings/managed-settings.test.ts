import { beforeEach, describe, expect, it } from 'vitest';
import { isManaged, managedPolicyFrom, ownPart, withManaged } from '../../../src/settings/managed-settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { loadSettings, loadSettingsWithPolicy, saveSettings } from '../../../src/settings/settings-store';
import fakeBrowser from '../fakes/fake-browser';

const ORG_SITE = { origin: 'https://crm.acme.example', detect: 'webrtc' } as const;
const REP_SITE = { origin: 'https://dialer.rep.example', detect: 'webrtc' } as const;

describe('managedPolicyFrom', () => {
  it('takes each valid field, through the settings schemas, and warns once per field it ignores', () => {
    const warnings: string[] = [];
    const policy = managedPolicyFrom(
      {
        supportContact: '  mailto:coach@acme.example ',
        minCallSeconds: -5,
        delivery: 'carrier-pigeon',
        workingHours: { enabled: true, startMinute: 480, endMinute: 1020, days: [1, 2, 3, 4, 5] },
        dialers: ['ringcentral', 'aircall'],
        customSites: [ORG_SITE],
        retentionDays: 1,
      },
      (message) => warnings.push(message),
    );
    expect(policy).toEqual({
      settings: {
        supportContact: 'mailto:coach@acme.example',
        workingHours: { enabled: true, startMinute: 480, endMinute: 1020, days: [1, 2, 3, 4, 5] },
      },
      dialers: ['ringcentral', 'aircall'],
      customSites: [ORG_SITE],
    });
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toMatch(
      /"minCallSeconds"[\s\S]*"delivery"[\s\S]*"retentionDays".*organization can set/,
    );
  });

  it('a dialer list or a site list that does not pass is ignored whole; nothing at all is no policy', () => {
    const warnings: string[] = [];
    const policy = managedPolicyFrom(
      { dialers: ['ringcentral', 'not-a-dialer'], customSites: [{ origin: 'javascript:alert(1)', detect: 'webrtc' }] },
      (message) => warnings.push(message),
    );
    expect(policy).toEqual({ settings: {}, dialers: [], customSites: [] });
    expect(warnings).toHaveLength(2);
    expect(managedPolicyFrom(undefined, () => undefined)).toEqual({ settings: {}, dialers: [], customSites: [] });
    expect(managedPolicyFrom('junk', () => undefined)).toEqual({ settings: {}, dialers: [], customSites: [] });
  });

  it('conversation signals can be turned off for everyone', () => {
    const warnings: string[] = [];
    const policy = managedPolicyFrom({ conversationSignals: false }, (message) => warnings.push(message));
    expect(warnings).toEqual([]);
    expect(policy.settings).toEqual({ conversationSignals: false });
    expect(withManaged(DEFAULT_SETTINGS, policy).conversationSignals).toBe(false);
  });
});

describe('managed over local', () => {
  const own: Settings = { ...DEFAULT_SETTINGS, supportContact: 'Ana', minCallSeconds: 45, customSites: [REP_SITE] };
  const policy = managedPolicyFrom({ supportContact: 'Coach Kim', customSites: [ORG_SITE] }, () => undefined);

  it('what the organization sets wins; what it does not set stays the rep’s; its sites come first', () => {
    const merged = withManaged(own, policy);
    expect(merged.supportContact).toBe('Coach Kim');
    expect(merged.minCallSeconds).toBe(45);
    expect(merged.customSites).toEqual([ORG_SITE, REP_SITE]);
    expect(isManaged(policy, 'supportContact')).toBe(true);
    expect(isManaged(policy, 'minCallSeconds')).toBe(false);
  });

  it('saving keeps the rep’s own value under a managed field and does not copy the organization’s sites', () => {
    const shown = { ...withManaged(own, policy), minCallSeconds: 60 };
    expect(ownPart(shown, own, policy)).toEqual({ ...own, minCallSeconds: 60 });
  });
});

describe('the settings store with a policy in storage.managed', () => {
  beforeEach(async () => {
    await fakeBrowser.storage.managed.set({
      supportContact: 'Coach Kim',
      minCallSeconds: 'ten',
      customSites: [ORG_SITE],
    });
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, supportContact: 'Ana', minCallSeconds: 45 },
    });
  });

  it('loads the merge, saves only the rep’s part, and a policy taken away gives the rep’s values back', async () => {
    const { settings, policy } = await loadSettingsWithPolicy();
    expect(settings).toMatchObject({ supportContact: 'Coach Kim', minCallSeconds: 45, customSites: [ORG_SITE] });
    expect(Object.keys(policy.settings)).toEqual(['supportContact']);

    const saved = await saveSettings({ ...settings, minCallSeconds: 90, customSites: [ORG_SITE, REP_SITE] });
    expect(saved).toMatchObject({ supportContact: 'Coach Kim', minCallSeconds: 90, customSites: [ORG_SITE, REP_SITE] });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({
      supportContact: 'Ana',
      minCallSeconds: 90,
      customSites: [REP_SITE],
    });

    fakeBrowser.storage.managed.reset();
    expect(await loadSettings()).toMatchObject({ supportContact: 'Ana', minCallSeconds: 90, customSites: [REP_SITE] });
  });
});

describe('a policy Chrome holds back at start-up', () => {
  it('is read from the last copy seen instead of holding the nudge', async () => {
    await fakeBrowser.storage.managed.set({ supportContact: 'Coach Kim' });
    expect((await loadSettings()).supportContact).toBe('Coach Kim');
    const managedGet = fakeBrowser.storage.managed.get;
    fakeBrowser.storage.managed.get = () => new Promise(() => undefined);
    try {
      // Chrome never answers here: the copy kept from the last read does.
      expect((await loadSettings()).supportContact).toBe('Coach Kim');
    } finally {
      fakeBrowser.storage.managed.get = managedGet;
    }
  });
});
