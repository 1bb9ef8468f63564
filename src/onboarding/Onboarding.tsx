import { ConversationSignalsSwitch } from '../options/sites/ConversationSignalsSwitch';
import { DialerList } from '../options/sites/DialerList';
import { t } from '../platform/i18n';
import { OrganizationAccess } from '../ui/OrganizationAccess';

/** Opened once, on install: turn on the dialers you use (each asks for its site there). */
export function Onboarding({ openSites }: { openSites(): void }) {
  return (
    <main class="onboarding">
      <h1>{t('onboardingTitle')}</h1>
      <p>{t('onboardingIntro')}</p>
      <OrganizationAccess />
      <DialerList headingLevel={2} />
      <ConversationSignalsSwitch />
      <p class="hint">{t('onboardingPrivacy')}</p>
      <p>
        <button type="button" class="link" onClick={openSites}>
          {t('onboardingMoreSites')}
        </button>
      </p>
    </main>
  );
}
