interface TextAreaProps {
  id: string;
  label: string;
  value?: string;
  placeholder?: string;
  rows?: number;
  onInput(value: string): void;
}

export function TextArea({ id, label, value, placeholder, rows = 3, onInput }: TextAreaProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        maxLength={500}
        value={value ?? ''}
        placeholder={placeholder}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </div>
  );
}
