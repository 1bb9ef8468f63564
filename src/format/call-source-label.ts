import { MANUAL_SOURCE, type ManualDevice } from '../calls/manual-call';
import { dialerLabel } from '../dialers/dialer-label';
import { type MessageKey, t } from '../platform/i18n';

export const DEVICE_LABELS: Record<ManualDevice, MessageKey> = {
  phone: 'manualDevicePhone',
  mobile: 'manualDeviceMobile',
  desk: 'manualDeviceDesk',
};

/** Where a call came from, as the rep reads it: a dialer's name, or "Logged by hand". */
export function callSourceLabel(source: string): string {
  return source === MANUAL_SOURCE ? t('callSourceManual') : dialerLabel(source);
}

/** A stored call's source with what the rep added by hand: "Logged by hand · Desk phone · Rebound missed it". */
export function callOriginLabel(call: { source: string; device?: ManualDevice; missed?: boolean }): string {
  const parts = [callSourceLabel(call.source)];
  if (call.device) parts.push(t(DEVICE_LABELS[call.device]));
  if (call.missed) parts.push(t('callMissedByRebound'));
  return parts.join(' · ');
}
