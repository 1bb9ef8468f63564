import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { watchManagedStorage } from '../platform/managed-storage';
import { type ManagedPolicy, NO_POLICY } from '../settings/managed-settings';
import type { Settings } from '../settings/settings';
import { loadSettings, loadSettingsWithPolicy, saveSettings } from '../settings/settings-store';

export interface SettingsEditor {
  /** Null until the stored settings are read. */
  settings: Settings | null;
  /** What the organization's policy sets: those fields show as theirs, not editable. */
  policy: ManagedPolicy;
  /** What the rep hears after a load or a save: loaded failed, saved, save failed. */
  status: string;
  /**
   * Shows the change at once and saves it over the settings as stored now, one save at a time, so
   * quick edits, and sections editing other fields, never undo each other. Resolves with what was
   * stored, or undefined when it could not be (the status then says so, and the fields show what
   * is stored).
   */
  update(patch: Partial<Settings>, savedText?: (saved: Settings) => string): Promise<Settings | undefined>;
}

/** Saves from every section of the page, in order: each reads what the one before it stored. */
let saving: Promise<unknown> = Promise.resolve();

/** The settings as one Options section reads and edits them. */
export function useSettings(): SettingsEditor {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [policy, setPolicy] = useState<ManagedPolicy>(NO_POLICY);
  const [status, setStatus] = useState('');

  useEffect(() => {
    let latest = 0;
    let stopped = false;
    const read = () => {
      const ask = ++latest;
      loadSettingsWithPolicy().then(
        (loaded) => {
          if (stopped || ask !== latest) return;
          setSettings(loaded.settings);
          setPolicy(loaded.policy);
        },
        () => setStatus(t('optionsLoadFailed')),
      );
    };
    read();
    // A policy that lands or goes while the page is open locks or frees its fields at once. The
    // rep's own changes are not followed here: what they are typing must not be overwritten.
    const stop = watchManagedStorage(read);
    return () => {
      stopped = true;
      stop();
    };
  }, []);

  const update: SettingsEditor['update'] = (patch, savedText = () => t('optionsSaved')) => {
    setSettings((shown) => (shown ? { ...shown, ...patch } : shown));
    const save = async () => saveSettings({ ...(await loadSettings()), ...patch });
    const run = saving.then(save, save).then(
      (saved) => {
        setSettings(saved);
        setStatus(savedText(saved));
        return saved;
      },
      () => {
        setStatus(t('optionsSaveFailed'));
        // What shows goes back to what is stored.
        loadSettings().then(setSettings, () => undefined);
        return undefined;
      },
    );
    saving = run;
    return run;
  };

  return { settings, policy, status, update };
}
