import { useEffect, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import type { Settings } from '../../settings/settings';
import { loadSettings, saveSettings } from '../../settings/settings-store';

/** The rep's own "why I sell" line (practice `belief`), saved when the field is left. */
export function RoutineSection() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    loadSettings().then(setSettings, () => setStatus(t('optionsLoadFailed')));
  }, []);

  if (!settings) return <p aria-busy="true">{status}</p>;

  const save = (whyISell: string) =>
    saveSettings({ ...settings, whyISell }).then(
      (saved) => {
        setSettings(saved);
        setStatus(t('optionsSaved'));
      },
      () => setStatus(t('optionsSaveFailed')),
    );

  return (
    <form class="settings" onSubmit={(event) => event.preventDefault()}>
      <label class="field">
        <span>{t('optionsWhyISell')}</span>
        <textarea
          rows={3}
          maxLength={280}
          value={settings.whyISell}
          onChange={(event) => void save(event.currentTarget.value.trim())}
        />
      </label>
      <p class="status" role="status">
        {status}
      </p>
    </form>
  );
}
