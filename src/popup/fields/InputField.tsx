import type { JSX } from 'preact';

interface InputFieldProps {
  id: string;
  label: string;
  type?: 'text' | 'date' | 'time';
  value?: string;
  maxLength?: number;
  required?: boolean;
  onInput(value: string): void;
}

/** One labelled input. */
export function InputField({ id, label, type = 'text', value, maxLength, required, onInput }: InputFieldProps) {
  // Preact types each input type apart; these attributes suit all three.
  const attributes = { id, type, maxLength, required, value: value ?? '' } as JSX.IntrinsicElements['input'];
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input {...attributes} onInput={(event) => onInput(event.currentTarget.value)} />
    </div>
  );
}
