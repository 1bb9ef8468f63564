import { browser } from '../../platform/browser';
import { type MessageKey, t } from '../../platform/i18n';
import { NOTIFICATIONS_PERMISSION } from '../../platform/notifications';
import { NUDGE_DELIVERIES, type NudgeDelivery } from '../../settings/nudge-settings';
import type { Settings } from '../../settings/settings';

const LABELS: Record<NudgeDelivery, MessageKey> = {
  toast: 'optionsDeliveryToast',
  notification: 'optionsDeliveryNotification',
  window: 'optionsDeliveryWindow',
};

interface DeliveryProps {
  settings: Settings;
  update(patch: Partial<Settings>): void;
  report(status: string): void;
}

/**
 * Toast (default), system notification, or the routine window. Notifications are an optional
 * permission, asked for right in the click that picks them (browsers require the gesture).
 */
export function DeliveryField({ settings, update, report }: DeliveryProps) {
  const pick = (delivery: NudgeDelivery) => {
    if (delivery !== 'notification') {
      update({ delivery });
      return;
    }
    browser.permissions.request(NOTIFICATIONS_PERMISSION).then(
      (granted) => (granted ? update({ delivery }) : report(t('optionsNotificationsDenied'))),
      () => report(t('optionsNotificationsDenied')),
    );
  };

  return (
    <fieldset class="field">
      <legend>{t('optionsDelivery')}</legend>
      {NUDGE_DELIVERIES.map((delivery) => (
        <label key={delivery} class="check">
          <input
            type="radio"
            name="delivery"
            value={delivery}
            checked={settings.delivery === delivery}
            onChange={() => pick(delivery)}
          />
          {t(LABELS[delivery])}
        </label>
      ))}
    </fieldset>
  );
}
