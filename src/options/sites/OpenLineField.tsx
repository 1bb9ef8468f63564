import { useEffect, useState } from 'preact/hooks';
import { openLineOf, withOpenLine } from '../../dialers/open-line';
import type { OpenLine } from '../../dialers/open-line-setting';
import { t } from '../../platform/i18n';
import { followSettings, loadSettings, saveSettings } from '../../settings/settings-store';

const MIN_QUIET = 5;
const MAX_QUIET = 600;

/**
 * "This dialer keeps the line open between calls" for one site (a family id or an origin), and,
 * when it does, how many quiet seconds end a call there. Saves at once; a quiet value out of
 * range is named and not saved.
 */
export function OpenLineField({ site }: { site: string }) {
  const [line, setLine] = useState<OpenLine | null>(null);
  const [signalsOn, setSignalsOn] = useState(true);
  const [quietText, setQuietText] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const id = `open-line-${site.replace(/[^a-z0-9]/gi, '-')}`;

  useEffect(() => {
    loadSettings().then(
      (settings) => {
        const current = openLineOf(settings.openLines, site);
        setLine(current);
        setQuietText(String(current.quietSeconds));
      },
      () => setStatus(t('optionsLoadFailed')),
    );
  }, [site]);
  // Whether signals are on in force (the rep's switch, or the organization's policy), as it changes.
  useEffect(() => followSettings((settings) => setSignalsOn(settings.conversationSignals)), []);

  if (!line) return null;

  const save = (next: OpenLine) => {
    setLine(next);
    loadSettings()
      .then((settings) => saveSettings({ ...settings, openLines: withOpenLine(settings.openLines, next) }))
      .then(
        () => setStatus(t('optionsSaved')),
        () => setStatus(t('optionsSaveFailed')),
      );
  };

  const changeQuiet = (text: string) => {
    setQuietText(text);
    const seconds = Number(text);
    if (!Number.isInteger(seconds) || seconds < MIN_QUIET || seconds > MAX_QUIET) {
      setError(t('openLineQuietError'));
      return;
    }
    setError('');
    save({ ...line, quietSeconds: seconds });
  };

  return (
    <div class="open-line">
      <label class="check">
        <input
          type="checkbox"
          checked={line.open}
          onChange={(event) => save({ ...line, open: event.currentTarget.checked })}
        />
        <span>{t('openLineLabel')}</span>
      </label>
      {line.open && (
        <>
          <label class="field">
            <span>{t('openLineQuiet')}</span>
            <input
              type="number"
              min={MIN_QUIET}
              max={MAX_QUIET}
              value={quietText}
              aria-invalid={error !== ''}
              aria-describedby={`${id}-error`}
              onChange={(event) => changeQuiet(event.currentTarget.value)}
            />
          </label>
          <p id={`${id}-error`} class="error" role="alert">
            {error}
          </p>
          {!signalsOn && <p class="hint">{t('openLineNeedsSignals')}</p>}
        </>
      )}
      <p class="status" role="status">
        {status}
      </p>
    </div>
  );
}
