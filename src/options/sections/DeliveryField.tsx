import { type MessageKey, t } from '../../platform/i18n';
import { NUDGE_DELIVERIES, type NudgeDelivery } from '../../settings/nudge-settings';
import type { Settings } from '../../settings/settings';
import { SetByOrganization } from './SetByOrganization';

const LABELS: Record<NudgeDelivery, MessageKey> = {
  toast: 'optionsDeliveryToast',
  notification: 'optionsDeliveryNotification',
  window: 'optionsDeliveryWindow',
};

interface DeliveryProps {
  settings: Settings;
  update(patch: Partial<Settings>): void;
  /** Set by the organization's policy: shown, not editable. */
  managed?: boolean;
}

/** Toast (default), system notification, or the routine window. */
export function DeliveryField({ settings, update, managed = false }: DeliveryProps) {
  const pick = (delivery: NudgeDelivery) => update({ delivery });

  return (
    <fieldset class="field" disabled={managed} aria-describedby={managed ? 'delivery-managed' : undefined}>
      <legend>{t('optionsDelivery')}</legend>
      {managed && <SetByOrganization id="delivery-managed" />}
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
