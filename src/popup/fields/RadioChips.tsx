interface RadioChipsProps<T extends string> {
  name: string;
  legend: string;
  options: readonly T[];
  label(option: T): string;
  value?: T;
  onChange(value: T): void;
}

/** One choice of a few, as radios drawn as chips: arrow keys move between them. */
export function RadioChips<T extends string>({ name, legend, options, label, value, onChange }: RadioChipsProps<T>) {
  return (
    <fieldset class="field">
      <legend>{legend}</legend>
      <div class="chips">
        {options.map((option) => (
          <label key={option} class="pill">
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            <span>{label(option)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
