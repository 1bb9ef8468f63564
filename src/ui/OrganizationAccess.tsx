import { useEffect, useState } from 'preact/hooks';
import { type WaitingAccess, waitingAccess } from '../dialers/organization-access';
import { browser } from '../platform/browser';
import { hostAccess } from '../platform/host-access';
import { t } from '../platform/i18n';
import { watchManagedStorage } from '../platform/managed-storage';
import { loadSettingsWithPolicy } from '../settings/settings-store';

const listFormat = (labels: string[]) =>
  new Intl.ListFormat(browser.i18n.getUILanguage(), { type: 'conjunction' }).format(labels);

/**
 * The dialers and sites the organization turned on that still wait for the rep's allow: one
 * sentence saying which, and one button that asks the browser for all of them at once. Nothing
 * when nothing waits. Shown on the onboarding page and in the popup.
 */
export function OrganizationAccess() {
  const [waiting, setWaiting] = useState<WaitingAccess | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const refresh = () =>
      loadSettingsWithPolicy()
        .then(({ policy }) => waitingAccess(policy, hostAccess.has))
        .then(setWaiting, () => setWaiting(null));
    refresh();
    const stopAccess = hostAccess.onChange(refresh);
    const stopPolicy = watchManagedStorage(refresh);
    return () => {
      stopAccess();
      stopPolicy();
    };
  }, []);

  if (!waiting || waiting.origins.length === 0) {
    return status ? (
      <p class="status" role="status">
        {status}
      </p>
    ) : null;
  }
  const allow = () => {
    // Asked first, inside the click: browsers only show the prompt during a user gesture.
    hostAccess.request(waiting.origins).then(
      (granted) => setStatus(t(granted ? 'organizationAccessAllowed' : 'organizationAccessNotGranted')),
      () => setStatus(t('organizationAccessNotGranted')),
    );
  };
  return (
    <section
      class="card organization-access"
      aria-labelledby="organization-access-text"
      data-testid="organization-access"
    >
      <p id="organization-access-text">{t('organizationAccessWaiting', listFormat(waiting.labels))}</p>
      <button type="button" class="primary" onClick={allow}>
        {t('organizationAccessAllow')}
      </button>
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
