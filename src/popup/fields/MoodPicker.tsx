import { formatCount } from '../../format/figures';
import { t } from '../../platform/i18n';
import { MOODS } from '../../routine/answers';

interface MoodPickerProps {
  name: string;
  legend: string;
  value?: number;
  onChange(mood: number): void;
}

/** Mood 1 (low) to 5 (great) as a radio group: arrow keys move, the browser does the rest. */
export function MoodPicker({ name, legend, value, onChange }: MoodPickerProps) {
  return (
    <fieldset class="field mood">
      <legend>{legend}</legend>
      <div class="mood-scale">
        {MOODS.map((mood) => (
          <label key={mood} class="pill">
            <input
              type="radio"
              name={name}
              value={String(mood)}
              checked={value === mood}
              onChange={() => onChange(mood)}
            />
            <span>{formatCount(mood)}</span>
          </label>
        ))}
      </div>
      <p class="hint">{t('moodScaleHint')}</p>
    </fieldset>
  );
}
