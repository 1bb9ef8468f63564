import type { EndReason } from '../calls/call';
import type { MessageKey } from '../platform/i18n';

export const END_REASON_LABELS: Record<EndReason, MessageKey> = {
  'hang-up': 'endReasonHangUp',
  'tab-closed': 'endReasonTabClosed',
  navigated: 'endReasonNavigated',
  'browser-closed': 'endReasonBrowserClosed',
};
