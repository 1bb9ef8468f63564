import { type MessageKey, t } from '../platform/i18n';
import type { CallTag, Cause } from '../routine/answers';

export const TAG_LABELS: Record<CallTag, MessageKey> = {
  'angry-customer': 'tagAngryCustomer',
  rejected: 'tagRejected',
  price: 'tagPrice',
  delay: 'tagDelay',
  'went-silent': 'tagWentSilent',
  'my-mistake': 'tagMyMistake',
};

export const CAUSE_LABELS: Record<Cause, MessageKey> = {
  price: 'causePrice',
  delay: 'causeDelay',
  timing: 'causeTiming',
  competitor: 'causeCompetitor',
  'their-day': 'causeTheirDay',
  'something-i-said': 'causeSomethingISaid',
};

// Stored rows keep ids; one that is no longer known (an old import) shows as itself.
const labelFrom =
  (labels: Readonly<Record<string, MessageKey>>) =>
  (id: string): string => {
    const key = labels[id];
    return key ? t(key) : id;
  };

/** A call tag as the rep reads it, in the UI language. */
export const tagLabel = labelFrom(TAG_LABELS);

/** A cause the rep named in a reset, in the UI language. */
export const causeLabel = labelFrom(CAUSE_LABELS);
