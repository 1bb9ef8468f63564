import { useEffect, useState } from 'preact/hooks';
import { formatCount } from '../../../format/figures';
import { t } from '../../../platform/i18n';
import type { Settings } from '../../../settings/settings';
import { loadSettings, saveSettings } from '../../../settings/settings-store';

/** How long history is kept. The background deletes older history at once and then daily. */
export function RetentionField() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    loadSettings().then(setSettings, () => setStatus(t('optionsLoadFailed')));
  }, []);

  if (!settings) return <p aria-busy="true">{status}</p>;

  const save = (days: number) =>
    saveSettings({ ...settings, retentionDays: days }).then(
      (saved) => {
        setSettings(saved);
        setStatus(
          saved.retentionDays === 0 ? t('retentionKeepAll') : t('retentionSaved', formatCount(saved.retentionDays)),
        );
      },
      () => setStatus(t('optionsSaveFailed')),
    );

  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retentionTitle')}</h2>
      <label class="field">
        <span>{t('retentionDays')}</span>
        <input
          type="number"
          min={0}
          max={3650}
          value={settings.retentionDays}
          onChange={(event) => void save(Number(event.currentTarget.value))}
        />
      </label>
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
