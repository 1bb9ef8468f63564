import { type NumberSetting, numberBounds } from '../../settings/number-bounds';
import type { Settings } from '../../settings/settings';
import { SetByOrganization } from './SetByOrganization';

interface NumberFieldProps {
  setting: NumberSetting;
  label: string;
  settings: Settings;
  update(patch: Partial<Settings>): void;
  /** Set by the organization's policy: shown, not editable. */
  managed?: boolean;
}

/**
 * A whole-number setting, bounded as its schema bounds it; saved when the rep commits the field,
 * not on every keystroke.
 */
export function NumberField({ setting, label, settings, update, managed = false }: NumberFieldProps) {
  const { min, max } = numberBounds(setting);
  const noteId = `${setting}-managed`;
  return (
    <label class="field">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={settings[setting]}
        disabled={managed}
        aria-describedby={managed ? noteId : undefined}
        onChange={(event) => update({ [setting]: Number(event.currentTarget.value) })}
      />
      {managed && <SetByOrganization id={noteId} />}
    </label>
  );
}
