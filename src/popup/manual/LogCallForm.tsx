import { useEffect, useRef, useState } from 'preact/hooks';
import {
  LENGTH_CHOICES_MINUTES,
  type LengthProblem,
  MANUAL_DEVICES,
  type ManualCallInput,
  type ManualDevice,
  parseManualLength,
} from '../../calls/manual-call';
import { DEVICE_LABELS } from '../../format/call-source-label';
import { errorText } from '../../format/error-text';
import { formatCount } from '../../format/figures';
import { type MessageKey, t } from '../../platform/i18n';
import { RadioChips } from '../fields/RadioChips';

const LENGTH_PROBLEMS: Record<LengthProblem, MessageKey> = {
  'not-a-number': 'manualLengthNotANumber',
  negative: 'manualLengthNegative',
  'too-long': 'manualLengthTooLong',
};

const LENGTH_CHOICES = LENGTH_CHOICES_MINUTES.map(String);

interface LogCallFormProps {
  /** Stores the call and opens its routine; a rejection is shown, the form stays. */
  onLog(input: ManualCallInput): Promise<void>;
  onCancel(): void;
}

/** "I just had a call": where it happened and about how long, both optional, then the routine. */
export function LogCallForm({ onLog, onCancel }: LogCallFormProps) {
  const [device, setDevice] = useState<ManualDevice | undefined>(undefined);
  const [length, setLength] = useState('');
  const [lengthError, setLengthError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const parsed = parseManualLength(length);
    if (!parsed.ok) {
      setLengthError(t(LENGTH_PROBLEMS[parsed.problem]));
      document.getElementById('manual-length')?.focus();
      return;
    }
    setLengthError(null);
    setSaving(true);
    try {
      await onLog({ device, durationMs: parsed.durationMs });
    } catch (failure) {
      setSaveError(t('manualSaveFailed', errorText(failure)));
      setSaving(false);
    }
  };

  return (
    <main
      class="popup"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h1 ref={title} tabIndex={-1}>
        {t('manualTitle')}
      </h1>
      <p class="hint">{t('manualIntro')}</p>
      <form class="manual-call" onSubmit={submit} noValidate>
        <RadioChips<ManualDevice>
          name="manual-device"
          legend={t('manualDeviceLegend')}
          options={MANUAL_DEVICES}
          label={(option) => t(DEVICE_LABELS[option])}
          value={device}
          onChange={(option) => setDevice(option)}
        />
        <RadioChips
          name="manual-length-choice"
          legend={t('manualLengthLegend')}
          options={LENGTH_CHOICES}
          label={(minutes) => t('manualAboutMinutes', formatCount(Number(minutes)))}
          value={LENGTH_CHOICES.find((minutes) => minutes === length.trim())}
          onChange={(minutes) => {
            setLength(minutes);
            setLengthError(null);
          }}
        />
        <div class="field">
          <label for="manual-length">{t('manualLengthTyped')}</label>
          <input
            id="manual-length"
            type="text"
            inputMode="decimal"
            value={length}
            aria-invalid={lengthError ? 'true' : undefined}
            aria-describedby={lengthError ? 'manual-length-error' : undefined}
            onInput={(event) => {
              setLength(event.currentTarget.value);
              setLengthError(null);
            }}
          />
          {lengthError && (
            <p id="manual-length-error" class="error" role="alert">
              {lengthError}
            </p>
          )}
        </div>
        {saveError && (
          <p class="error" role="alert">
            {saveError}
          </p>
        )}
        <div class="routine-nav">
          <button type="button" class="secondary" onClick={onCancel}>
            {t('manualCancel')}
          </button>
          <button type="submit" class="primary" disabled={saving}>
            {t('manualSave')}
          </button>
        </div>
      </form>
    </main>
  );
}
