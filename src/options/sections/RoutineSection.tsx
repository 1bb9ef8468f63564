import { t } from '../../platform/i18n';
import { useSettings } from '../use-settings';

/** The rep's own "why I sell" line (practice `belief`), saved when the field is left. */
export function RoutineSection() {
  const { settings, status, update } = useSettings();
  if (!settings) return <p aria-busy="true">{status}</p>;

  return (
    <form class="settings" onSubmit={(event) => event.preventDefault()}>
      <label class="field">
        <span>{t('optionsWhyISell')}</span>
        <textarea
          rows={3}
          maxLength={280}
          value={settings.whyISell}
          onChange={(event) => void update({ whyISell: event.currentTarget.value.trim() })}
        />
      </label>
      <p class="status" role="status">
        {status}
      </p>
    </form>
  );
}
