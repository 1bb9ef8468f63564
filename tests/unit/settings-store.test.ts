import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { loadSettings, SETTINGS_LOCAL_KEYS, saveSettings } from '../../src/settings/settings-store';
import fakeBrowser from './fakes/fake-browser';

describe('loadSettings', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads the settings from storage.local, field by field', async () => {
    await fakeBrowser.storage.local.set({ settings: { minCallSeconds: 0, breathSeconds: 900 } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, minCallSeconds: 0 });
  });

  it('reads its storage.local keys through the reader it is given (the worker’s first read)', async () => {
    await fakeBrowser.storage.local.set({ settings: { minCallSeconds: 0 } });
    const asked: string[][] = [];
    const readLocal = async (keys: string[]) => {
      asked.push(keys);
      return keys.includes('settings') ? { settings: { minCallSeconds: 90 } } : {};
    };
    expect(await loadSettings(readLocal)).toEqual({ ...DEFAULT_SETTINGS, minCallSeconds: 90 });
    expect(asked.flat().sort()).toEqual([...SETTINGS_LOCAL_KEYS].sort());
  });
});

describe('saveSettings', () => {
  it('stores settings that read back the same', async () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      minCallSeconds: 45,
      skipOutcomes: ['busy' as const],
      toastSeconds: 12,
      breathSeconds: 30,
      whyISell: 'Clinics run better',
      customSites: [{ origin: 'https://crm.acme.test', detect: 'webrtc' as const }],
      retentionDays: 30,
    };
    await expect(saveSettings(settings)).resolves.toEqual(settings);
    expect(await loadSettings()).toEqual(settings);
  });

  it('stores the validated settings, never an invalid field', async () => {
    const saved = await saveSettings({ ...DEFAULT_SETTINGS, breathSeconds: 900, minCallSeconds: 7 });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, minCallSeconds: 7 });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { ...DEFAULT_SETTINGS, minCallSeconds: 7 },
    });
  });
});
