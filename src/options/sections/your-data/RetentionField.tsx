import { formatCount } from '../../../format/figures';
import { t } from '../../../platform/i18n';
import type { Settings } from '../../../settings/settings';
import { useSettings } from '../../use-settings';
import { NumberField } from '../NumberField';

/** How long history is kept. The background deletes older history at once and then daily. */
export function RetentionField() {
  const { settings, status, update } = useSettings();
  if (!settings) return <p aria-busy="true">{status}</p>;

  const saved = ({ retentionDays }: Settings) =>
    retentionDays === 0 ? t('retentionKeepAll') : t('retentionSaved', formatCount(retentionDays));

  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retentionTitle')}</h2>
      <NumberField
        setting="retentionDays"
        label={t('retentionDays')}
        settings={settings}
        update={(patch) => void update(patch, saved)}
      />
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
