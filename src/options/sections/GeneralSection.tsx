import { formatCount } from '../../format/figures';
import { OUTCOME_LABELS } from '../../format/outcome-label';
import { CALL_OUTCOMES } from '../../messages/call-signal';
import { t } from '../../platform/i18n';
import { isManaged } from '../../settings/managed-settings';
import type { Settings } from '../../settings/settings';
import { CheckList } from '../../ui/CheckList';
import { useSettings } from '../use-settings';
import { DeliveryField } from './DeliveryField';
import { MeetingNudgeFields } from './MeetingNudgeFields';
import { NudgeTimingFields } from './NudgeTimingFields';
import { NumberField } from './NumberField';

const BREATH_LENGTHS = [5, 30, 90] as const;

/** When Rebound nudges and how long the breath lasts. Every change is saved at once. */
export function GeneralSection() {
  const { settings, policy, status, update: save } = useSettings();
  if (!settings) return <p aria-busy="true">{status}</p>;

  const update = (patch: Partial<Settings>) => void save(patch);
  const managed = (field: keyof Settings) => isManaged(policy, field);

  return (
    <form class="settings" onSubmit={(event) => event.preventDefault()}>
      <NumberField
        setting="minCallSeconds"
        label={t('optionsMinCall')}
        settings={settings}
        update={update}
        managed={managed('minCallSeconds')}
      />
      <MeetingNudgeFields settings={settings} update={update} />
      <CheckList
        legend={t('optionsSkipOutcomes')}
        options={CALL_OUTCOMES}
        label={(outcome) => t(OUTCOME_LABELS[outcome])}
        selected={settings.skipOutcomes}
        onChange={(skipOutcomes) => update({ skipOutcomes })}
      />
      <NumberField setting="toastSeconds" label={t('optionsToastSeconds')} settings={settings} update={update} />
      <label class="field">
        <span>{t('optionsBreathSeconds')}</span>
        <select
          value={String(settings.breathSeconds)}
          onChange={(event) => update({ breathSeconds: Number(event.currentTarget.value) })}
        >
          {BREATH_LENGTHS.map((seconds) => (
            <option key={seconds} value={String(seconds)}>
              {t('optionsSecondsValue', formatCount(seconds))}
            </option>
          ))}
        </select>
      </label>
      <NudgeTimingFields settings={settings} update={update} managed={managed} />
      <DeliveryField settings={settings} update={update} managed={managed('delivery')} />
      <p class="status" role="status">
        {status}
      </p>
    </form>
  );
}
