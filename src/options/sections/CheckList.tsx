interface CheckListProps<T extends string | number> {
  legend: string;
  options: readonly T[];
  label(option: T): string;
  selected: readonly T[];
  /** The options now ticked, in the options' order. */
  onChange(selected: T[]): void;
  class?: string;
  disabled?: boolean;
}

/** A list setting edited as checkboxes, one per value it may hold. */
export function CheckList<T extends string | number>({
  legend,
  options,
  label,
  selected,
  onChange,
  class: className = 'field',
  disabled,
}: CheckListProps<T>) {
  const toggle = (option: T, on: boolean) =>
    onChange(options.filter((candidate) => (candidate === option ? on : selected.includes(candidate))));
  return (
    <fieldset class={className} disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} class="check">
          <input
            type="checkbox"
            checked={selected.includes(option)}
            onChange={(event) => toggle(option, event.currentTarget.checked)}
          />
          {label(option)}
        </label>
      ))}
    </fieldset>
  );
}
