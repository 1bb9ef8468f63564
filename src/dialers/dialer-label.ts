import { t } from '../platform/i18n';
import { CUSTOM_SITE_FAMILY, DIALERS } from './catalog';

const KNOWN = [...DIALERS, CUSTOM_SITE_FAMILY];

/** A call source as the rep reads it, in their language; an unknown source stays as it is. */
export function dialerLabel(source: string): string {
  const family = KNOWN.find((known) => known.id === source);
  if (!family) return source;
  return t(family.labelKey) || family.label;
}
