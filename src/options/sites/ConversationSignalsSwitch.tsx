import { useEffect, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { isManaged } from '../../settings/managed-settings';
import { followSettingsWithPolicy, loadSettings, saveSettings } from '../../settings/settings-store';
import { SetByOrganization } from '../sections/SetByOrganization';

/**
 * "Conversation signals (stay on this computer)": on by default, off in one click. Shown on the
 * onboarding page and in Options → Sites. Saves at once, over the settings as stored now; shows
 * the organization's choice, not editable, while its policy sets one.
 */
export function ConversationSignalsSwitch() {
  const [on, setOn] = useState<boolean | null>(null);
  const [theirs, setTheirs] = useState(false);
  const [status, setStatus] = useState('');

  // Followed, not read once: a policy that lands or goes while the page is open shows at once.
  useEffect(
    () =>
      followSettingsWithPolicy(
        ({ settings, policy }) => {
          setOn(settings.conversationSignals);
          setTheirs(isManaged(policy, 'conversationSignals'));
        },
        () => setStatus(t('optionsLoadFailed')),
      ),
    [],
  );

  const change = (want: boolean) => {
    setOn(want);
    loadSettings()
      .then((settings) => saveSettings({ ...settings, conversationSignals: want }))
      .then(
        (saved) => {
          setOn(saved.conversationSignals);
          setStatus(t('optionsSaved'));
        },
        () => setStatus(t('optionsSaveFailed')),
      );
  };

  return (
    <div class="conversation-signals">
      <label class="check">
        <input
          type="checkbox"
          role="switch"
          checked={on === true}
          aria-checked={on === true}
          disabled={on === null || theirs}
          aria-describedby={theirs ? 'conversation-signals-hint signals-managed' : 'conversation-signals-hint'}
          onChange={(event) => change(event.currentTarget.checked)}
        />
        <span>{t('conversationSignalsLabel')}</span>
      </label>
      <p id="conversation-signals-hint" class="hint">
        {t('conversationSignalsHint')}
      </p>
      {theirs && <SetByOrganization id="signals-managed" />}
      <p class="status" role="status">
        {status}
      </p>
    </div>
  );
}
