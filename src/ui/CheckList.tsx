interface CheckListProps<T extends string | number> {
  legend: string;
  options: readonly T[];
  label(option: T): string;
  selected: readonly T[];
  /** The options now ticked, in the options' order. */
  onChange(selected: T[]): void;
  /** Drawn as a row of chips (the popup's tags and causes) instead of a list. */
  chips?: boolean;
  class?: string;
  disabled?: boolean;
}

/** Several values picked with checkboxes: a list setting in Options, tags and causes in the popup. */
export function CheckList<T extends string | number>({
  legend,
  options,
  label,
  selected,
  onChange,
  chips = false,
  class: className = 'field',
  disabled,
}: CheckListProps<T>) {
  const toggle = (option: T, on: boolean) =>
    onChange(options.filter((candidate) => (candidate === option ? on : selected.includes(candidate))));
  const boxes = options.map((option) => (
    <label key={option} class={chips ? 'pill' : 'check'}>
      <input
        type="checkbox"
        checked={selected.includes(option)}
        onChange={(event) => toggle(option, event.currentTarget.checked)}
      />
      {chips ? <span>{label(option)}</span> : label(option)}
    </label>
  ));
  return (
    <fieldset class={className} disabled={disabled}>
      <legend>{legend}</legend>
      {chips ? <div class="chips">{boxes}</div> : boxes}
    </fieldset>
  );
}
