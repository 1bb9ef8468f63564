interface ChipGroupProps<T extends string> {
  legend: string;
  options: readonly T[];
  label(option: T): string;
  selected: readonly T[];
  onChange(selected: T[]): void;
}

/** Several choices as checkboxes drawn as chips. */
export function ChipGroup<T extends string>({ legend, options, label, selected, onChange }: ChipGroupProps<T>) {
  const toggle = (option: T, on: boolean) =>
    onChange(on ? options.filter((o) => o === option || selected.includes(o)) : selected.filter((o) => o !== option));
  return (
    <fieldset class="field">
      <legend>{legend}</legend>
      <div class="chips">
        {options.map((option) => (
          <label key={option} class="pill">
            <input
              type="checkbox"
              checked={selected.includes(option)}
              onChange={(event) => toggle(option, event.currentTarget.checked)}
            />
            <span>{label(option)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
