import { t, uiLanguage } from '../../platform/i18n';
import type { WorkingHours } from '../../settings/nudge-settings';
import type { Settings } from '../../settings/settings';
import { CheckList } from '../../ui/CheckList';
import { NumberField } from './NumberField';
import { SetByOrganization } from './SetByOrganization';

interface FieldsProps {
  settings: Settings;
  update(patch: Partial<Settings>): void;
  /** True for a field the organization's policy sets: shown, not editable. */
  managed?(field: keyof Settings): boolean;
}

const WEEK_FROM_MONDAY = [1, 2, 3, 4, 5, 6, 0] as const;
const HOUR_EDGES = [
  ['startMinute', 'optionsHoursFrom'],
  ['endMinute', 'optionsHoursTo'],
] as const;

/** "09:30" ⇄ 570: the time input's value and the minute of the day the settings keep. */
export const minuteToTime = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
export function timeToMinute(value: string): number | undefined {
  const match = /^(\d{2}):(\d{2})/.exec(value);
  if (!match) return undefined;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return minute < 24 * 60 ? minute : undefined;
}

function weekdayName(day: number): string {
  // 2026-11-22 was a Sunday: day 0.
  return new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long' }).format(new Date(2026, 10, 22 + day));
}

/** When nudges may come: working hours, the cooldown, and the run of tough calls that escalates. */
export function NudgeTimingFields({ settings, update, managed = () => false }: FieldsProps) {
  const hours = settings.workingHours;
  const hoursManaged = managed('workingHours');
  const contactManaged = managed('supportContact');
  const setHours = (patch: Partial<WorkingHours>) => update({ workingHours: { ...hours, ...patch } });
  const setTime = (key: 'startMinute' | 'endMinute', value: string) => {
    const minute = timeToMinute(value);
    if (minute !== undefined) setHours({ [key]: minute });
  };

  return (
    <>
      <fieldset class="field" disabled={hoursManaged} aria-describedby={hoursManaged ? 'hours-managed' : undefined}>
        <legend>
          <label class="check">
            <input
              type="checkbox"
              checked={hours.enabled}
              disabled={hoursManaged}
              onChange={(event) => setHours({ enabled: event.currentTarget.checked })}
            />
            {t('optionsWorkingHours')}
          </label>
        </legend>
        {hoursManaged && <SetByOrganization id="hours-managed" />}
        <div class="inline-fields">
          {HOUR_EDGES.map(([edge, label]) => (
            <label key={edge}>
              <span>{t(label)}</span>{' '}
              <input
                type="time"
                disabled={!hours.enabled}
                value={minuteToTime(hours[edge])}
                onChange={(event) => setTime(edge, event.currentTarget.value)}
              />
            </label>
          ))}
        </div>
        <CheckList
          class="field days"
          disabled={!hours.enabled}
          legend={t('optionsWorkDays')}
          options={WEEK_FROM_MONDAY}
          label={weekdayName}
          selected={hours.days}
          onChange={(days) => setHours({ days: [...days].sort() })}
        />
      </fieldset>
      <NumberField setting="cooldownMinutes" label={t('optionsCooldown')} settings={settings} update={update} />
      <NumberField setting="toughStreak" label={t('optionsToughStreak')} settings={settings} update={update} />
      <label class="field">
        <span>{t('optionsSupportContact')}</span>
        <input
          type="text"
          maxLength={200}
          autocomplete="off"
          aria-describedby={contactManaged ? 'support-hint support-managed' : 'support-hint'}
          value={settings.supportContact}
          disabled={contactManaged}
          onChange={(event) => update({ supportContact: event.currentTarget.value })}
        />
        <small id="support-hint" class="hint">
          {t('optionsSupportHint')}
        </small>
        {contactManaged && <SetByOrganization id="support-managed" />}
      </label>
    </>
  );
}
