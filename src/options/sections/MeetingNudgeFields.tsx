import { t } from '../../platform/i18n';
import type { Settings } from '../../settings/settings';

interface FieldsProps {
  settings: Settings;
  update(patch: Partial<Settings>): void;
}

/** Meetings' own nudge rule: on or off, and the shortest meeting that gets one. */
export function MeetingNudgeFields({ settings, update }: FieldsProps) {
  const meetings = settings.meetingNudges;
  return (
    <fieldset class="field">
      <legend>
        <label class="check">
          <input
            type="checkbox"
            checked={meetings.enabled}
            onChange={(event) => update({ meetingNudges: { ...meetings, enabled: event.currentTarget.checked } })}
          />
          {t('optionsMeetingNudges')}
        </label>
      </legend>
      <label class="field">
        <span>{t('optionsMeetingMinMinutes')}</span>
        <input
          type="number"
          min={0}
          max={240}
          disabled={!meetings.enabled}
          value={meetings.minMinutes}
          aria-describedby="meeting-hint"
          onChange={(event) =>
            update({ meetingNudges: { ...meetings, minMinutes: Number(event.currentTarget.value) } })
          }
        />
      </label>
      <small id="meeting-hint" class="hint">
        {t('optionsMeetingHint')}
      </small>
    </fieldset>
  );
}
