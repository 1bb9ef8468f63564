import { type NumberSetting, numberBounds } from '../../settings/number-bounds';
import type { Settings } from '../../settings/settings';

interface NumberFieldProps {
  setting: NumberSetting;
  label: string;
  settings: Settings;
  update(patch: Partial<Settings>): void;
}

/**
 * A whole-number setting, bounded as its schema bounds it; saved when the rep commits the field,
 * not on every keystroke.
 */
export function NumberField({ setting, label, settings, update }: NumberFieldProps) {
  const { min, max } = numberBounds(setting);
  return (
    <label class="field">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={settings[setting]}
        onChange={(event) => update({ [setting]: Number(event.currentTarget.value) })}
      />
    </label>
  );
}
