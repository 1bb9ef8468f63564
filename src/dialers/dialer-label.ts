import { type MessageKey, t } from '../platform/i18n';

/**
 * The message that names a dialer family or call source: `dialer_<id>`, hyphens as underscores
 * because message names allow only letters, digits and underscores. A new family adds its key.
 */
export const dialerLabelKey = (id: string) => `dialer_${id.replaceAll('-', '_')}` as MessageKey;

/** What the rep reads for a call's source; an id with no message shows as itself. */
export function dialerLabel(source: string): string {
  return t(dialerLabelKey(source)) || source;
}
