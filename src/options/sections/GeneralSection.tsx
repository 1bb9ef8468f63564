import { useEffect, useState } from 'preact/hooks';
import { OUTCOME_LABELS } from '../../format/outcome-label';
import { CALL_OUTCOMES, type CallOutcome } from '../../messages/call-signal';
import { t } from '../../platform/i18n';
import type { Settings } from '../../settings/settings';
import { loadSettings, saveSettings } from '../../settings/settings-store';
import { DeliveryField } from './DeliveryField';
import { MeetingNudgeFields } from './MeetingNudgeFields';
import { NudgeTimingFields } from './NudgeTimingFields';

const BREATH_LENGTHS = [5, 30, 90] as const;

/** When Rebound nudges and how long the breath lasts. Every change is saved at once. */
export function GeneralSection() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    loadSettings().then(setSettings, () => setStatus(t('optionsLoadFailed')));
  }, []);

  if (!settings) return <p aria-busy="true">{status}</p>;

  const update = (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    saveSettings(next).then(
      (saved) => {
        setSettings(saved);
        setStatus(t('optionsSaved'));
      },
      () => setStatus(t('optionsSaveFailed')),
    );
  };

  const toggleOutcome = (outcome: CallOutcome, skip: boolean) =>
    update({
      skipOutcomes: skip
        ? [...settings.skipOutcomes, outcome]
        : settings.skipOutcomes.filter((value) => value !== outcome),
    });

  return (
    <form class="settings" onSubmit={(event) => event.preventDefault()}>
      <label class="field">
        <span>{t('optionsMinCall')}</span>
        <input
          type="number"
          min={0}
          max={3600}
          value={settings.minCallSeconds}
          onChange={(event) => update({ minCallSeconds: Number(event.currentTarget.value) })}
        />
      </label>
      <MeetingNudgeFields settings={settings} update={update} />
      <fieldset class="field">
        <legend>{t('optionsSkipOutcomes')}</legend>
        {CALL_OUTCOMES.map((outcome) => (
          <label key={outcome} class="check">
            <input
              type="checkbox"
              checked={settings.skipOutcomes.includes(outcome)}
              onChange={(event) => toggleOutcome(outcome, event.currentTarget.checked)}
            />
            {t(OUTCOME_LABELS[outcome])}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t('optionsToastSeconds')}</span>
        <input
          type="number"
          min={3}
          max={600}
          value={settings.toastSeconds}
          onChange={(event) => update({ toastSeconds: Number(event.currentTarget.value) })}
        />
      </label>
      <label class="field">
        <span>{t('optionsBreathSeconds')}</span>
        <select
          value={String(settings.breathSeconds)}
          onChange={(event) => update({ breathSeconds: Number(event.currentTarget.value) })}
        >
          {BREATH_LENGTHS.map((seconds) => (
            <option key={seconds} value={String(seconds)}>
              {t('optionsSecondsValue', String(seconds))}
            </option>
          ))}
        </select>
      </label>
      <NudgeTimingFields settings={settings} update={update} />
      <DeliveryField settings={settings} update={update} />
      <p class="status" role="status">
        {status}
      </p>
    </form>
  );
}
