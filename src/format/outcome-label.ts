import type { CallOutcome } from '../messages/call-signal';
import type { MessageKey } from '../platform/i18n';

export const OUTCOME_LABELS: Record<CallOutcome, MessageKey> = {
  completed: 'outcomeCompleted',
  'no-answer': 'outcomeNoAnswer',
  busy: 'outcomeBusy',
  voicemail: 'outcomeVoicemail',
  failed: 'outcomeFailed',
  canceled: 'outcomeCanceled',
  unknown: 'outcomeUnknown',
};
