import { t } from '../platform/i18n';
import { formatDuration } from './duration';

/** A call's length as shown in lists: "–" when unknown, "about 4:05" when it is an estimate. */
export function callLengthText(call: { durationMs?: number; approximate?: boolean }): string {
  if (call.durationMs === undefined) return '–';
  const length = formatDuration(call.durationMs);
  return call.approximate ? t('callLengthApproximate', length) : length;
}
