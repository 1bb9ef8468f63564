import { type MessageKey, t } from '../../platform/i18n';
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
}

/** Toast (default), system notification, or the routine window. */
export function DeliveryField({ settings, update }: DeliveryProps) {
  const pick = (delivery: NudgeDelivery) => update({ delivery });

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
